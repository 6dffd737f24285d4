/**
 * Applies the keyboard shortcuts (player-shortcuts.ts) to the video while the player is open.
 * Keys that belong to what has focus (typing in a field, Space on a button) are left alone.
 * A shortcut taken is `preventDefault`ed, so the video's own controls, when focused, do not
 * apply Space or an arrow a second time.
 */
import { useEffect, useRef, type RefObject } from 'react'
import { keyBelongsToFocus, seekTarget, shortcutFor, type PlayerAction } from './player-shortcuts.ts'

export interface ShortcutTargets {
  video: RefObject<HTMLVideoElement | null>
  /** What goes full screen: the stage, so the overlays (next episode, errors) come along. */
  stage: RefObject<HTMLElement | null>
  onNextEpisode: (() => void) | null
  onHelp: () => void
}

/** Subtitles on or off: off remembers which track was on, so on brings the same one back. */
function toggleSubtitles (video: HTMLVideoElement, lastShowing: { current: number }): void {
  const tracks = Array.from(video.textTracks).filter(track => track.kind === 'subtitles' || track.kind === 'captions')
  if (tracks.length === 0) return
  const showing = tracks.findIndex(track => track.mode === 'showing')
  if (showing >= 0) {
    lastShowing.current = showing
    for (const track of tracks) track.mode = 'disabled'
    return
  }
  const index = Math.min(lastShowing.current, tracks.length - 1)
  tracks.forEach((track, i) => { track.mode = i === index ? 'showing' : 'disabled' })
}

function toggleFullscreen (stage: HTMLElement): void {
  const request = document.fullscreenElement === null ? stage.requestFullscreen() : document.exitFullscreen()
  request.catch((err: unknown) => console.warn('[hearth] full screen was refused', err))
}

function apply (action: PlayerAction, targets: ShortcutTargets, video: HTMLVideoElement, lastShowing: { current: number }): void {
  switch (action) {
    case 'toggle-play':
      if (video.paused) video.play().catch((err: unknown) => console.warn('[hearth] play was refused', err))
      else video.pause()
      return
    case 'seek-back':
    case 'seek-forward':
      video.currentTime = seekTarget(video.currentTime, video.duration, action)
      return
    case 'fullscreen':
      if (targets.stage.current !== null) toggleFullscreen(targets.stage.current)
      return
    case 'mute':
      video.muted = !video.muted
      return
    case 'subtitles':
      toggleSubtitles(video, lastShowing)
      return
    case 'next-episode':
      targets.onNextEpisode?.()
      return
    case 'help':
      targets.onHelp()
  }
}

export function usePlayerShortcuts (targets: ShortcutTargets): void {
  const latest = useRef(targets)
  latest.current = targets
  const lastShowing = useRef(0)
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const video = latest.current.video.current
      if (video === null || event.defaultPrevented) return
      const focused = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null
      const info = focused === null ? null : { tagName: focused.tagName, isContentEditable: focused.isContentEditable, type: focused instanceof HTMLInputElement ? focused.type : undefined }
      if (keyBelongsToFocus(event, info)) return
      // An open dialog (the shortcut list, Share) owns the keyboard.
      if (focused?.closest('dialog, [role="dialog"]') != null) return
      const action = shortcutFor(event)
      if (action === null) return
      event.preventDefault()
      apply(action, latest.current, video, lastShowing)
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])
}
