/** What covers the video until it streams: a spinner with the step, or why it cannot play. */
import { useEffect, useState } from 'react'
import type { StreamState } from '../use-item-stream.ts'

/** After this long without metadata, say why it may be stuck. */
const SLOW_HINT_AFTER_MS = 15 * 1000

export function StreamOverlay ({ state, foreign }: { state: StreamState, foreign: boolean }) {
  const slow = useSlow(state.phase === 'connecting')
  if (state.phase === 'streaming') return null
  if (state.phase === 'error') {
    return (
      <div className='player__overlay player__overlay--error' role='alert'>
        <p className='player__overlay-title'>This item cannot play</p>
        <p className='player__overlay-text'>{state.message}</p>
      </div>
    )
  }
  const step = state.phase === 'starting' ? 'Starting the player…' : foreign ? 'Looking for peers that have it…' : 'Connecting to your home server…'
  return (
    <div className='player__overlay' role='status'>
      <span className='spinner' aria-hidden='true' />
      <p className='player__overlay-text'>{step}</p>
      {slow && (
        <p className='player__overlay-text player__overlay-hint'>
          {foreign
            ? 'No peer has answered yet. A magnet link plays only while someone who has the file is online and reachable through the link’s own trackers (or your home server’s); public trackers are never used.'
            : 'This is taking long. Check that the home server is running and reachable from this device.'}
        </p>
      )}
    </div>
  )
}

function useSlow (waiting: boolean): boolean {
  const [slow, setSlow] = useState(false)
  useEffect(() => {
    setSlow(false)
    if (!waiting) return
    const timer = setTimeout(() => setSlow(true), SLOW_HINT_AFTER_MS)
    return () => clearTimeout(timer)
  }, [waiting])
  return slow
}
