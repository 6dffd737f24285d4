/**
 * One line under the title while a browser edition plays: how much the home server has
 * prepared so far (the part one can seek in), and that the film waits, paused, when it
 * resumes further in than that. Follows the element's growing duration.
 */
import { useEffect, useState, type RefObject } from 'react'
import { formatDuration } from '../../../lib/format/format-duration.ts'
import { TEST_IDS } from '../../../test-ids.ts'
import type { EditionState } from '../use-edition-stream.ts'

export function EditionStatus ({ state, video, durationSec }: { state: EditionState, video: RefObject<HTMLVideoElement | null>, durationSec: number | null }) {
  const preparedSec = usePreparedSec(state.phase === 'playing' && !state.complete ? video : null)
  if (state.phase === 'torrent') {
    return <p className='player__note' data-testid={TEST_IDS.editionStatus} data-source='torrent'>Playing the compatible copy the home server made of this file, peer to peer.</p>
  }
  if (state.phase !== 'playing') return null
  const text = state.complete
    ? 'Playing the compatible copy the home server made of this file.'
    : `Playing a compatible copy while the home server makes it (${formatDuration(preparedSec)} of ${formatDuration(durationSec)} ready): ` +
      'you can seek within the prepared part, not beyond it yet. If you stopped further in, the film waits there, paused, until that part is ready (press play to watch from the start instead).'
  return <p className='player__note' data-testid={TEST_IDS.editionStatus} data-source='hls'>{text}</p>
}

function usePreparedSec (video: RefObject<HTMLVideoElement | null> | null): number | null {
  const [preparedSec, setPreparedSec] = useState<number | null>(null)
  useEffect(() => {
    const element = video?.current
    if (!element) return
    const update = (): void => setPreparedSec(Number.isFinite(element.duration) ? element.duration : null)
    update()
    element.addEventListener('durationchange', update)
    return () => element.removeEventListener('durationchange', update)
  }, [video])
  return preparedSec
}
