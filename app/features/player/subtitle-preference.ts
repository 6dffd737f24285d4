/**
 * This device's subtitle preferences, kept in localStorage (per device, like a TV's
 * settings; not synced: the phone in bed and the living-room TV want different things):
 * the language subtitles should be in (navigator.language unless set) and the last choice
 * made in the player.
 */
import type { RememberedChoice } from './subtitle-choice.ts'

const LANGUAGE_KEY = 'hearth.subtitles.language'
const CHOICE_KEY = 'hearth.subtitles.choice'

function read (key: string): string | null {
  try {
    return window.localStorage.getItem(key)
  } catch {
    return null // storage refused (private window): behave as if nothing was chosen
  }
}

function write (key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value)
  } catch {
    // Storage refused: the choice lasts this page only.
  }
}

/** Preferred subtitle languages, most wanted first. */
export function preferredLanguages (): string[] {
  const set = chosenLanguage()
  return set !== null ? [set] : [...navigator.languages]
}

/** The language set in the player, or null when subtitles follow the browser's language. */
export function chosenLanguage (): string | null {
  const set = read(LANGUAGE_KEY)
  return set !== null && /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/i.test(set) ? set : null
}

/**
 * Sets the language subtitles should be in (null: the browser's). A person who says which
 * language they want starts afresh: the last choice made in the menu is forgotten.
 */
export function setPreferredLanguage (language: string | null): void {
  try {
    if (language === null) window.localStorage.removeItem(LANGUAGE_KEY)
    else window.localStorage.setItem(LANGUAGE_KEY, language)
    window.localStorage.removeItem(CHOICE_KEY)
  } catch {
    // Storage refused: nothing to keep.
  }
}

export function rememberedChoice (): RememberedChoice {
  const raw = read(CHOICE_KEY)
  if (raw === null) return null
  if (raw === 'off') return 'off'
  const match = /^([a-z0-9-]{1,35})(\|sdh)?$/.exec(raw)
  return match?.[1] === undefined ? null : { language: match[1], sdh: match[2] !== undefined }
}

export function rememberChoice (choice: Exclude<RememberedChoice, null>): void {
  write(CHOICE_KEY, choice === 'off' ? 'off' : `${choice.language}${choice.sdh ? '|sdh' : ''}`)
}
