/**
 * "Subtitles in: …" beside the player: the language this device wants subtitles in (the
 * browser's own by default). Kept per device (subtitle-preference.ts). Shown only when the
 * item has subtitles.
 */
import type { SubtitleChoice } from '../use-subtitle-choice.ts'

/** Languages always offered, besides those of the item's own tracks. */
const COMMON_LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt', 'sv', 'da', 'no', 'fi', 'pl', 'ru', 'tr', 'ar', 'zh', 'ja', 'ko']

function nameOf (tag: string, names: Intl.DisplayNames | null): string {
  try {
    return names?.of(tag) ?? tag
  } catch {
    return tag
  }
}

export function SubtitleLanguageSetting ({ choice, trackLanguages }: { choice: SubtitleChoice, trackLanguages: readonly string[] }) {
  if (trackLanguages.length === 0) return null
  let names: Intl.DisplayNames | null = null
  try {
    names = new Intl.DisplayNames([navigator.language], { type: 'language' })
  } catch {
    // Old browser: tags are shown as they are.
  }
  const languages = [...new Set([...trackLanguages.filter(tag => tag !== 'und'), ...COMMON_LANGUAGES])]
  return (
    <label className='player__subtitle-language'>
      Subtitles in{' '}
      <select value={choice.language ?? ''} onChange={event => choice.setLanguage(event.target.value === '' ? null : event.target.value)} data-testid='subtitle-language'>
        <option value=''>this browser’s language ({nameOf(navigator.language, names)})</option>
        {languages.map(tag => <option key={tag} value={tag}>{nameOf(tag, names)}</option>)}
      </select>
    </label>
  )
}
