/** What covers the video while the home server prepares a compatible copy, or why it failed. */
import type { EditionState } from '../use-edition-stream.ts'

export function EditionOverlay ({ state }: { state: EditionState }) {
  if (state.phase === 'idle' || state.phase === 'playing' || state.phase === 'torrent') return null
  if (state.phase === 'error') {
    return (
      <div className='player__overlay player__overlay--error' role='alert'>
        <p className='player__overlay-title'>The compatible copy cannot play</p>
        <p className='player__overlay-text'>{state.message}</p>
      </div>
    )
  }
  return (
    <div className='player__overlay' role='status'>
      <span className='spinner' aria-hidden='true' />
      <p className='player__overlay-text'>Preparing a compatible copy on your home server…</p>
    </div>
  )
}
