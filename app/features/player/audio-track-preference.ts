/**
 * The audio track this device last chose (language and title), kept in localStorage, per
 * device like the subtitle choice (subtitle-preference.ts): the next film with a track in
 * that language starts with it.
 */
import type { RememberedAudio } from './audio-track-choice.ts'

const CHOICE_KEY = 'hearth.audio.choice'
const MAX_FIELD_CHARS = 200

function field (value: unknown): string | null | undefined {
  if (value === null) return null
  return typeof value === 'string' && value.length <= MAX_FIELD_CHARS ? value : undefined
}

export function rememberedAudio (): RememberedAudio {
  try {
    const raw = window.localStorage.getItem(CHOICE_KEY)
    if (raw === null) return null
    const parsed: unknown = JSON.parse(raw)
    if (typeof parsed !== 'object' || parsed === null) return null
    const { language, title } = parsed as Record<string, unknown>
    const languageField = field(language)
    const titleField = field(title)
    return languageField === undefined || titleField === undefined ? null : { language: languageField, title: titleField }
  } catch {
    return null // storage refused or a damaged value: as if nothing was chosen
  }
}

export function rememberAudio (choice: Exclude<RememberedAudio, null>): void {
  try {
    window.localStorage.setItem(CHOICE_KEY, JSON.stringify(choice))
  } catch {
    // Storage refused: the choice lasts this page only.
  }
}
