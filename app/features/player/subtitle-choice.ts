/**
 * Which subtitle track is on when a film starts. None, unless one is forced (it carries only
 * the lines in a foreign language, which the film means you to read) or one is in the
 * device's preferred language; and what this person chose last time on this device wins
 * over both (turning subtitles off included). Pure: the player hands in the tracks, the
 * preferred languages and the remembered choice.
 */

export interface ChoosableTrack { language: string, forced: boolean, sdh: boolean }

/** What a person last chose on this device: a language (and whether SDH), or off. */
export type RememberedChoice = { language: string, sdh: boolean } | 'off' | null

/** `en-US` → `en`; `pt-BR` stays `pt-br` but matches `pt` too. */
function matches (trackLanguage: string, wanted: string): boolean {
  const track = trackLanguage.toLowerCase()
  const want = wanted.toLowerCase()
  return track === want || track.split('-')[0] === want.split('-')[0]
}

/** Index of the track to show, or -1 for none. */
export function chooseSubtitle (tracks: readonly ChoosableTrack[], preferred: readonly string[], remembered: RememberedChoice): number {
  const find = (test: (track: ChoosableTrack) => boolean): number => tracks.findIndex(test)
  const forcedIn = (languages: readonly string[]): number => {
    for (const language of languages) {
      const index = find(track => track.forced && matches(track.language, language))
      if (index >= 0) return index
    }
    return find(track => track.forced && track.language === 'und')
  }
  if (remembered === 'off') return forcedIn(preferred)
  if (remembered !== null) {
    const exact = find(track => !track.forced && track.sdh === remembered.sdh && matches(track.language, remembered.language))
    const any = exact >= 0 ? exact : find(track => !track.forced && matches(track.language, remembered.language))
    if (any >= 0) return any
  }
  for (const language of preferred) {
    const plain = find(track => !track.forced && !track.sdh && matches(track.language, language))
    if (plain >= 0) return plain
  }
  return forcedIn(preferred)
}
