/**
 * "Audio: English · stereo ▾" beside the player, for files with several audio tracks
 * (language and title as the file names them). Another track than the file's own plays
 * through a compatible copy made with that track, from the second the film is at.
 */
import { TEST_IDS } from '../../../test-ids.ts'
import { audioTrackLabel } from '../audio-track-choice.ts'
import type { AudioTrackChoice } from '../use-audio-track-choice.ts'

function languageNamer (): (code: string) => string {
  let names: Intl.DisplayNames | null = null
  try {
    names = new Intl.DisplayNames([navigator.language], { type: 'language' })
  } catch {
    // Old browser: codes are shown as they are.
  }
  return code => {
    try {
      return names?.of(code) ?? code
    } catch {
      return code // not a code the browser knows (`und`, a free-form tag)
    }
  }
}

export function AudioTrackPicker ({ choice }: { choice: AudioTrackChoice }) {
  if (choice.tracks.length === 0) return null
  const name = languageNamer()
  return (
    <label className='player__audio-track'>
      Audio{' '}
      <select
        value={choice.chosen ?? ''}
        disabled={!choice.switchable}
        onChange={event => choice.choose(Number(event.target.value))}
        data-testid={TEST_IDS.audioTrack}
        title={choice.switchable ? undefined : 'The home server makes no compatible copies, so only the file’s own track can play.'}
      >
        {choice.tracks.map(track => <option key={track.index} value={track.index}>{audioTrackLabel(track, name)}</option>)}
      </select>
    </label>
  )
}
