/**
 * Runs the next-episode countdown (next-episode-countdown.ts) on the video: it starts when the
 * episode ends, ticks once a second, and plays the next episode at zero or on "Play now";
 * playing or seeking back into the episode takes the offer away.
 */
import { useCallback, useEffect, useReducer, type RefObject } from 'react'
import type { CatalogItem } from '../../../protocol/catalog.ts'
import { listenAll } from '../../lib/dom/listen-all.ts'
import { IDLE, stepCountdown, type CountdownState } from './next-episode-countdown.ts'

const TICK_MS = 1000

export interface NextEpisodeCountdown {
  state: CountdownState
  cancel: () => void
  playNow: () => void
}

export function useNextEpisode (video: RefObject<HTMLVideoElement | null>, next: CatalogItem | null, play: ((item: CatalogItem) => void) | null): NextEpisodeCountdown {
  const [state, dispatch] = useReducer(stepCountdown, IDLE)
  useEffect(() => {
    const element = video.current
    if (element === null || next === null) return
    const onEnded = (): void => dispatch('ended')
    const onResumed = (): void => { if (!element.ended) dispatch('resumed') }
    return listenAll<HTMLVideoElementEventMap>(element, { ended: onEnded, playing: onResumed, seeking: onResumed })
  }, [video, next])
  const counting = state.phase === 'counting'
  useEffect(() => {
    if (!counting) return
    const timer = window.setInterval(() => dispatch('tick'), TICK_MS)
    return () => window.clearInterval(timer)
  }, [counting])
  useEffect(() => {
    if (state.phase === 'go' && next !== null) play?.(next)
  }, [state.phase, next, play])
  const cancel = useCallback(() => dispatch('cancel'), [])
  const playNow = useCallback(() => dispatch('play-now'), [])
  return { state, cancel, playNow }
}
