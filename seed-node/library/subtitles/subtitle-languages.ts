/**
 * Language words as media managers (Bazarr, Sonarr, Radarr, Plex, Jellyfin) and release
 * groups write them in subtitle names: ISO 639-1 (`en`), ISO 639-2/B and /T (`eng`, `ger`,
 * `deu`), English names (`English`) and native names (`Deutsch`). Each maps to the 639-1 tag
 * the catalog carries, so `Film.eng.srt` and `Film.English.srt` are the same language.
 */

/** 639-1 tag → [English name, 639-2/B, 639-2/T (when it differs), other spellings...]. */
const LANGUAGES: Readonly<Record<string, readonly string[]>> = {
  en: ['English', 'eng'],
  fr: ['French', 'fre', 'fra', 'français', 'francais', 'vff', 'vfq'],
  de: ['German', 'ger', 'deu', 'deutsch'],
  es: ['Spanish', 'spa', 'español', 'espanol', 'castellano', 'latino'],
  it: ['Italian', 'ita', 'italiano'],
  nl: ['Dutch', 'dut', 'nld', 'nederlands', 'flemish'],
  pt: ['Portuguese', 'por', 'português', 'portugues', 'brazilian'],
  sv: ['Swedish', 'swe', 'svenska'],
  da: ['Danish', 'dan', 'dansk'],
  no: ['Norwegian', 'nor', 'nob', 'nb', 'norsk', 'bokmål'],
  fi: ['Finnish', 'fin', 'suomi'],
  is: ['Icelandic', 'ice', 'isl'],
  pl: ['Polish', 'pol', 'polski'],
  cs: ['Czech', 'cze', 'ces', 'čeština', 'cestina'],
  sk: ['Slovak', 'slo', 'slk'],
  hu: ['Hungarian', 'hun', 'magyar'],
  ro: ['Romanian', 'rum', 'ron', 'română'],
  bg: ['Bulgarian', 'bul'],
  el: ['Greek', 'gre', 'ell'],
  ru: ['Russian', 'rus', 'русский'],
  uk: ['Ukrainian', 'ukr'],
  hr: ['Croatian', 'hrv', 'hrvatski'],
  sr: ['Serbian', 'srp'],
  sl: ['Slovenian', 'slv', 'slovene'],
  tr: ['Turkish', 'tur', 'türkçe', 'turkce'],
  ar: ['Arabic', 'ara'],
  he: ['Hebrew', 'heb'],
  fa: ['Persian', 'per', 'fas', 'farsi'],
  hi: ['Hindi', 'hin'],
  th: ['Thai', 'tha'],
  vi: ['Vietnamese', 'vie'],
  id: ['Indonesian', 'ind'],
  ms: ['Malay', 'may', 'msa'],
  zh: ['Chinese', 'chi', 'zho', 'chs', 'cht', 'mandarin', 'cantonese'],
  ja: ['Japanese', 'jpn'],
  ko: ['Korean', 'kor'],
  et: ['Estonian', 'est'],
  lv: ['Latvian', 'lav'],
  lt: ['Lithuanian', 'lit'],
  ca: ['Catalan', 'cat'],
  eu: ['Basque', 'baq', 'eus']
}

/**
 * `hi` is Hindi in ISO 639-1 but "hearing impaired" in Bazarr's names (`Film.en.hi.srt`),
 * so it is read as a language only when no other language word is in the name.
 */
export const AMBIGUOUS_TAGS: ReadonlySet<string> = new Set(['hi'])

const BY_WORD = new Map<string, string>()
for (const [tag, words] of Object.entries(LANGUAGES)) {
  BY_WORD.set(tag, tag)
  for (const word of words) BY_WORD.set(word.toLowerCase(), tag)
}

/**
 * The 639-1 tag for one word of a file name (`eng` → `en`, `English` → `en`, `pt-BR` →
 * `pt-br`), or undefined when the word names no language.
 */
export function languageOfWord (word: string): string | undefined {
  const lower = word.toLowerCase()
  const known = BY_WORD.get(lower)
  if (known !== undefined) return known
  // Region or script subtags: `pt-BR`, `zh-Hans`, `en_US`.
  const region = /^([a-z]{2,3})[-_]([a-z]{2,4})$/.exec(lower)
  const base = region?.[1] === undefined ? undefined : BY_WORD.get(region[1])
  return base === undefined || region?.[2] === undefined ? undefined : `${base}-${region[2]}`
}

/** The English name for a tag (`pt-br` → `Portuguese (BR)`), or the tag itself. */
export function languageName (tag: string): string {
  const [base = tag, region] = tag.split('-')
  const name = LANGUAGES[base]?.[0]
  if (name === undefined) return tag === 'und' ? 'Unknown language' : tag
  return region === undefined ? name : `${name} (${region.toUpperCase()})`
}
