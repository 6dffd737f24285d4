/**
 * Reads what a subtitle file's name says: its language, whether it is forced and whether it
 * is SDH, as media managers write them: `Film.en.srt`, `Film.eng.forced.srt`,
 * `Film.English.SDH.srt`, `Film.pt-BR.cc.srt`, `Subs/2_English.srt`. Words it does not know
 * (a release group, `Full`, a number) are ignored rather than mistaken for a language.
 */
import { AMBIGUOUS_TAGS, languageName, languageOfWord } from './subtitle-languages.ts'

export interface SubtitleNameInfo {
  /** 639-1 tag (`en`, `pt-br`), or `und` when the name gives none. */
  language: string
  forced: boolean
  sdh: boolean
  /** Named as the default track (`.default`). */
  isDefault: boolean
  /** What the track menu shows: `English (forced)`, `German (SDH)`. */
  label: string
}

const FORCED_WORDS = new Set(['forced', 'foreign', 'forzados', 'forces'])
const SDH_WORDS = new Set(['sdh', 'cc', 'hi', 'hoh', 'deaf'])

/** Splits the words of a name part: `.`, `_`, spaces and brackets separate; `pt-BR` stays one word. */
function wordsOf (text: string): string[] {
  // `pt_BR`, `zh_Hant`: a region or script after `_` belongs to the language word.
  return text.replace(/(^|[.\s_])([a-z]{2,3})_(?!CC|HI)([A-Z]{2}|Hans|Hant)(?=$|[.\s_])/g, '$1$2-$3').split(/[.\s_()[\]]+/).filter(word => word !== '')
}

/**
 * `qualifier` is the part of the name that is not the film's: after `Film.` for a file
 * beside it (`en.forced`), or the whole stem for a file in a `Subs/` folder (`2_English`).
 */
export function parseSubtitleName (qualifier: string): SubtitleNameInfo {
  let words = wordsOf(qualifier)
  // `2_English` from RARBG-style Subs folders: a leading track number is no language.
  if (/^\d+$/.test(words[0] ?? '')) words = words.slice(1)
  // `Hearing Impaired` written out.
  const joined = words.map(word => word.toLowerCase()).join(' ')
  let sdh = /hearing impaired/.test(joined)
  let forced = false
  let isDefault = false
  const languages: string[] = []
  for (const word of words) {
    const lower = word.toLowerCase()
    if (FORCED_WORDS.has(lower)) forced = true
    else if (lower === 'default') isDefault = true
    else if (SDH_WORDS.has(lower) && !AMBIGUOUS_TAGS.has(lower)) sdh = true
    else {
      const language = languageOfWord(word)
      if (language !== undefined) languages.push(language)
    }
  }
  let language = languages.find(tag => !AMBIGUOUS_TAGS.has(tag))
  if (language === undefined) language = languages[0]
  // `Film.en.hi.srt`: with another language named, `hi` is "hearing impaired", not Hindi.
  else if (languages.some(tag => AMBIGUOUS_TAGS.has(tag))) sdh = true
  language ??= 'und'
  const marks = [forced ? 'forced' : '', sdh ? 'SDH' : ''].filter(mark => mark !== '')
  const label = `${languageName(language)}${marks.length > 0 ? ` (${marks.join(', ')})` : ''}`
  return { language, forced, sdh, isDefault, label }
}
