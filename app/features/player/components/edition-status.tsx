/**
 * One line under the title while a browser edition plays: that it is a compatible copy the
 * home server makes as it is watched (seek anywhere: a part not made yet starts within
 * seconds), and for a converted picture how long converting takes here, from the speed the
 * running conversion measured.
 */
import { transcodeEstimate } from '../../../lib/codecs/transcode-estimate.ts'
import { TEST_IDS } from '../../../test-ids.ts'
import type { EditionState } from '../use-edition-stream.ts'

export function EditionStatus ({ state }: { state: EditionState }) {
  if (state.phase === 'torrent') {
    return <p className='player__note' data-testid={TEST_IDS.editionStatus} data-source='torrent'>Playing the compatible copy the home server made of this file, peer to peer.</p>
  }
  if (state.phase !== 'playing') return null
  const text = state.complete
    ? 'Playing the compatible copy the home server made of this file.'
    : 'Playing a compatible copy that the home server makes as you watch. You can seek anywhere: a part it has not prepared yet starts within a few seconds.'
  const estimate = !state.complete && state.video === 'h264' && state.speed !== null ? ` ${transcodeEstimate(state.durationSec, state.speed)}` : ''
  return <p className='player__note' data-testid={TEST_IDS.editionStatus} data-source='hls'>{text}{estimate}</p>
}
