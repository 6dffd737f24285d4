/**
 * Media Session for the playing item: the system's media controls (lock screen, notification,
 * keyboard media keys, headsets, TV remotes) show its title, series and artwork and drive the
 * player: play, pause, seek ±10 s, seek to a position, previous and next episode. The position
 * state follows the video, so the system's scrubber is right. Everything is taken back when
 * the player closes, so a stale title never lingers.
 */
import { useEffect, type RefObject } from 'react'
import type { CatalogItem } from '../../../protocol/catalog.ts'
import { sessionMetadata } from './media-session-metadata.ts'
import { SEEK_STEP_SEC } from './player-shortcuts.ts'

export interface EpisodeControls {
  readonly previous: CatalogItem | null
  readonly next: CatalogItem | null
  readonly play: (item: CatalogItem) => void
}

const ACTIONS: readonly MediaSessionAction[] = ['play', 'pause', 'seekbackward', 'seekforward', 'seekto', 'previoustrack', 'nexttrack']

function setHandler (action: MediaSessionAction, handler: MediaSessionActionHandler | null): void {
  try {
    navigator.mediaSession.setActionHandler(action, handler)
  } catch {
    // A browser that does not know this action says so by throwing; the others still work.
  }
}

function updatePosition (video: HTMLVideoElement): void {
  if (!Number.isFinite(video.duration) || video.duration <= 0) return
  try {
    navigator.mediaSession.setPositionState({ duration: video.duration, playbackRate: video.playbackRate || 1, position: Math.min(video.currentTime, video.duration) })
  } catch (err) {
    console.warn('[hearth] the media position could not be given to the system', err)
  }
}

export function useMediaSession (video: RefObject<HTMLVideoElement | null>, title: string, item: CatalogItem | null, episodes: EpisodeControls | null): void {
  useEffect(() => {
    const element = video.current
    if (!('mediaSession' in navigator) || element === null) return
    const session = navigator.mediaSession
    const fields = sessionMetadata(title, item, window.location.origin)
    session.metadata = new MediaMetadata({ ...fields, artwork: [...fields.artwork] })
    const seekBy = (seconds: number): void => { element.currentTime = Math.max(0, Math.min(element.currentTime + seconds, element.duration || Number.POSITIVE_INFINITY)) }
    setHandler('play', () => { void element.play().catch(() => undefined) })
    setHandler('pause', () => element.pause())
    setHandler('seekbackward', details => seekBy(-(details.seekOffset ?? SEEK_STEP_SEC)))
    setHandler('seekforward', details => seekBy(details.seekOffset ?? SEEK_STEP_SEC))
    setHandler('seekto', details => {
      if (details.seekTime !== undefined) element.currentTime = details.seekTime
    })
    const { previous, next, play } = episodes ?? { previous: null, next: null, play: null }
    setHandler('previoustrack', previous !== null && play !== null ? () => play(previous) : null)
    setHandler('nexttrack', next !== null && play !== null ? () => play(next) : null)
    const onPosition = (): void => updatePosition(element)
    const onPlaying = (): void => { session.playbackState = 'playing' }
    const onPause = (): void => { session.playbackState = 'paused' }
    for (const type of ['durationchange', 'ratechange', 'seeked', 'loadedmetadata']) element.addEventListener(type, onPosition)
    element.addEventListener('playing', onPlaying)
    element.addEventListener('pause', onPause)
    return () => {
      for (const type of ['durationchange', 'ratechange', 'seeked', 'loadedmetadata']) element.removeEventListener(type, onPosition)
      element.removeEventListener('playing', onPlaying)
      element.removeEventListener('pause', onPause)
      for (const action of ACTIONS) setHandler(action, null)
      session.metadata = null
      session.playbackState = 'none'
    }
  }, [video, title, item, episodes])
}
