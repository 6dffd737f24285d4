/**
 * "Next: S01E04 · Title in 10 s" over the video at the end of an episode, with Cancel and
 * Play now. It is announced politely to screen readers, and "Play now" takes the focus so a
 * remote's OK or the Enter key plays at once. Cancelled, it stays as "Next: …" with Play now.
 */
import { useEffect, useRef, type RefObject } from 'react'
import type { CatalogItem } from '../../../../protocol/catalog.ts'
import { TEST_IDS } from '../../../test-ids.ts'
import { countdownText, episodeLabel } from '../next-episode-countdown.ts'
import { useNextEpisode } from '../use-next-episode.ts'

interface NextEpisodeOfferProps {
  video: RefObject<HTMLVideoElement | null>
  next: CatalogItem
  play: (item: CatalogItem) => void
}

export function NextEpisodeOffer ({ video, next, play }: NextEpisodeOfferProps) {
  const playButton = useRef<HTMLButtonElement>(null)
  const countdown = useNextEpisode(video, next, play)
  const { state } = countdown
  const counting = state.phase === 'counting'
  // Cancel goes away once pressed: the focus moves on to Play now, not to the page.
  useEffect(() => {
    if (state.phase === 'counting' || state.phase === 'cancelled') playButton.current?.focus()
  }, [state.phase])
  if (state.phase !== 'counting' && state.phase !== 'cancelled') return null
  return (
    <div className='next-episode' data-testid={TEST_IDS.nextEpisode} data-item-id={next.id} data-phase={state.phase} role='group' aria-label='Next episode'>
      <p className='next-episode__text' aria-live='polite'>
        {state.phase === 'counting' ? countdownText(next, state.remainingSec) : `Next: ${episodeLabel(next)}`}
      </p>
      <div className='next-episode__actions'>
        {counting && <button type='button' className='button button--ghost' data-testid={TEST_IDS.nextEpisodeCancel} onClick={countdown.cancel}>Cancel</button>}
        <button type='button' ref={playButton} className='button' data-testid={TEST_IDS.nextEpisodePlay} onClick={countdown.playNow}>Play now</button>
      </div>
    </div>
  )
}
