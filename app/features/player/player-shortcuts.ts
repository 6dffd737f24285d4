/**
 * The player's keyboard shortcuts, as YouTube and most web players have them, in one table:
 * the help overlay lists it and `shortcutFor` reads a key press with it. Pure, so the map is
 * tested without a browser (the hook that applies an action is use-player-shortcuts.ts).
 */

/** Seconds a seek shortcut (arrows, j, l) and a seek from the lock screen move. */
export const SEEK_STEP_SEC = 10

export type PlayerAction =
  | 'toggle-play'
  | 'seek-back'
  | 'seek-forward'
  | 'fullscreen'
  | 'mute'
  | 'subtitles'
  | 'next-episode'
  | 'help'

export interface Shortcut {
  /** Keys as `KeyboardEvent.key` spells them; `shift` for the ones that need Shift. */
  readonly keys: readonly string[]
  readonly shift?: boolean
  readonly action: PlayerAction
  /** What the help overlay says it does. */
  readonly label: string
  /** How the help overlay writes the keys. */
  readonly shown: string
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: [' ', 'k', 'K'], action: 'toggle-play', label: 'Play or pause', shown: 'Space, K' },
  { keys: ['ArrowLeft', 'j', 'J'], action: 'seek-back', label: `Back ${SEEK_STEP_SEC} seconds`, shown: '←, J' },
  { keys: ['ArrowRight', 'l', 'L'], action: 'seek-forward', label: `Forward ${SEEK_STEP_SEC} seconds`, shown: '→, L' },
  { keys: ['f', 'F'], action: 'fullscreen', label: 'Full screen on or off', shown: 'F' },
  { keys: ['m', 'M'], action: 'mute', label: 'Sound on or off', shown: 'M' },
  { keys: ['c', 'C'], action: 'subtitles', label: 'Subtitles on or off', shown: 'C' },
  { keys: ['N', 'n'], shift: true, action: 'next-episode', label: 'Next episode', shown: 'Shift + N' },
  { keys: ['?'], action: 'help', label: 'Show these shortcuts', shown: '?' }
]

export interface KeyPress {
  readonly key: string
  readonly shiftKey: boolean
  readonly ctrlKey: boolean
  readonly altKey: boolean
  readonly metaKey: boolean
}

/** The action a key press asks for, or null (then the browser does what it does). */
export function shortcutFor (press: KeyPress): PlayerAction | null {
  // Ctrl/Alt/Cmd combinations are the browser's and the system's (Ctrl+F, Cmd+L…).
  if (press.ctrlKey || press.altKey || press.metaKey) return null
  for (const shortcut of SHORTCUTS) {
    if (!shortcut.keys.includes(press.key)) continue
    // `?` is Shift+/ on most layouts, so Shift counts only where the table asks for it.
    if (shortcut.shift === true && !press.shiftKey) continue
    if (shortcut.shift !== true && press.shiftKey && /^[a-z]$/i.test(press.key)) continue
    return shortcut.action
  }
  return null
}

/** Where a key press belongs to what has focus, not to the player: typing, or a control's own keys. */
export function keyBelongsToFocus (press: KeyPress, focused: { tagName: string, isContentEditable: boolean, type?: string } | null): boolean {
  if (focused === null) return false
  if (focused.isContentEditable) return true
  const tag = focused.tagName.toUpperCase()
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag === 'INPUT') return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset'].includes(focused.type ?? 'text') || (focused.type === 'range' && press.key.startsWith('Arrow'))
  // Space and Enter press a focused button or follow a link; the player leaves them be.
  if ((tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') && (press.key === ' ' || press.key === 'Enter')) return true
  return false
}

/** Where a seek shortcut lands: within the media, never past its end (that would end it). */
export function seekTarget (currentTime: number, duration: number, action: 'seek-back' | 'seek-forward'): number {
  const target = currentTime + (action === 'seek-back' ? -SEEK_STEP_SEC : SEEK_STEP_SEC)
  const end = Number.isFinite(duration) ? duration : Number.POSITIVE_INFINITY
  return Math.max(0, Math.min(target, end))
}
