/**
 * Search text folded the way people type it: lower case, accents dropped ("Amélie" is found
 * by "amelie"), punctuation and dots as spaces ("The.Show" by "the show"), runs of space as one.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g
const NOT_WORD = /[^\p{L}\p{N}]+/gu

export function normalizeText (text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().replace(NOT_WORD, ' ').trim()
}

/** The words of a query, normalized; an empty query has none. */
export function queryTokens (text: string): string[] {
  const normalized = normalizeText(text)
  return normalized === '' ? [] : normalized.split(' ')
}

/** True when every token occurs in `key` (a normalized text with spaces at both ends). */
export function matchesAll (key: string, tokens: readonly string[]): boolean {
  for (const token of tokens) {
    if (!key.includes(token)) return false
  }
  return true
}
