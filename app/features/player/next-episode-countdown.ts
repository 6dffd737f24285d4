/**
 * The countdown at the end of an episode, before the next one plays (Netflix's and Jellyfin's
 * "Next episode in 10"): a pure state machine the hook (use-next-episode.ts) ticks once a
 * second, tested without a browser.
 *
 *   idle ──ended──▶ counting(10) ──tick…──▶ counting(1) ──tick──▶ go
 *                      │   └──play now──────────────────────────▶ go
 *                      └──cancel──▶ cancelled ──(play or seek again)──▶ idle
 */
import type { CatalogItem } from '../../../protocol/catalog.ts'
import { formatEpisode } from '../../lib/format/format-episode.ts'

export const COUNTDOWN_SEC = 10

export type CountdownState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'counting', readonly remainingSec: number }
  | { readonly phase: 'cancelled' }
  /** Play the next episode now. */
  | { readonly phase: 'go' }

export type CountdownEvent = 'ended' | 'tick' | 'cancel' | 'play-now' | 'resumed'

export const IDLE: CountdownState = { phase: 'idle' }

export function stepCountdown (state: CountdownState, event: CountdownEvent): CountdownState {
  switch (event) {
    case 'ended': return state.phase === 'idle' ? { phase: 'counting', remainingSec: COUNTDOWN_SEC } : state
    case 'tick':
      if (state.phase !== 'counting') return state
      return state.remainingSec <= 1 ? { phase: 'go' } : { phase: 'counting', remainingSec: state.remainingSec - 1 }
    case 'cancel': return state.phase === 'counting' ? { phase: 'cancelled' } : state
    case 'play-now': return state.phase === 'counting' || state.phase === 'cancelled' ? { phase: 'go' } : state
    // Played again (or sought back) after the end: the offer goes, and comes back at the next end.
    case 'resumed': return state.phase === 'go' ? state : IDLE
  }
}

/** "S01E04 · Title" (or the title alone for an item that is not an episode). */
export function episodeLabel (item: CatalogItem): string {
  return item.series === null ? item.title : `${formatEpisode(item.series)} · ${item.title}`
}

/** What the countdown says: "Next: S01E04 · Title in 10 s". */
export function countdownText (next: CatalogItem, remainingSec: number): string {
  return `Next: ${episodeLabel(next)} in ${remainingSec} s`
}
