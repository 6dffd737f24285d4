import { describe, expect, it } from 'vitest'
import { pairSidecars } from '../sidecar-pairing.ts'

const fp = { sizeBytes: 1, mtimeMs: 0, inode: 1 }
const file = (relativePath: string) => ({ relativePath, absolutePath: `/lib/${relativePath}`, fingerprint: fp })

/** Real-world names (Bazarr, Radarr, Plex, release groups) → language, forced, SDH. */
const BESIDE: Array<[string, string, boolean, boolean]> = [
  ['Film (2020).srt', 'und', false, false],
  ['Film (2020).en.srt', 'en', false, false],
  ['Film (2020).eng.srt', 'en', false, false],
  ['Film (2020).English.srt', 'en', false, false],
  ['Film (2020).english.srt', 'en', false, false],
  ['Film (2020).en.forced.srt', 'en', true, false],
  ['Film (2020).eng.forced.srt', 'en', true, false],
  ['Film (2020).English.Forced.srt', 'en', true, false],
  ['Film (2020).forced.en.srt', 'en', true, false],
  ['Film (2020).en.sdh.srt', 'en', false, true],
  ['Film (2020).eng.sdh.srt', 'en', false, true],
  ['Film (2020).en.cc.srt', 'en', false, true],
  ['Film (2020).en.hi.srt', 'en', false, true],
  ['Film (2020).English.SDH.srt', 'en', false, true],
  ['Film (2020).hi.srt', 'hi', false, false],
  ['Film (2020).hin.srt', 'hi', false, false],
  ['Film (2020).de.srt', 'de', false, false],
  ['Film (2020).ger.srt', 'de', false, false],
  ['Film (2020).deu.srt', 'de', false, false],
  ['Film (2020).German.srt', 'de', false, false],
  ['Film (2020).Deutsch.forced.srt', 'de', true, false],
  ['Film (2020).fr.ass', 'fr', false, false],
  ['Film (2020).fre.ssa', 'fr', false, false],
  ['Film (2020).French.vtt', 'fr', false, false],
  ['Film (2020).pt-BR.srt', 'pt-br', false, false],
  ['Film (2020).pt_BR.forced.srt', 'pt-br', true, false],
  ['Film (2020).es.default.srt', 'es', false, false],
  ['Film (2020).spa.sdh.forced.srt', 'es', true, true],
  ['Film (2020).zh-Hans.srt', 'zh-hans', false, false],
  ['Film (2020).chi.srt', 'zh', false, false],
  ['Film (2020).jpn.srt', 'ja', false, false],
  ['Film (2020).nl.srt', 'nl', false, false],
  ['Film (2020).Dutch.srt', 'nl', false, false],
  ['Film (2020).swe.srt', 'sv', false, false],
  ['Film (2020).RARBG.en.srt', 'en', false, false],
  ['Film (2020).en.Hearing Impaired.srt', 'en', false, true]
]

/** Names in a `Subs/` folder beside a lone film. */
const IN_SUBS: Array<[string, string, boolean, boolean]> = [
  ['Subs/English.srt', 'en', false, false],
  ['Subs/2_English.srt', 'en', false, false],
  ['Subs/3_Spanish.srt', 'es', false, false],
  ['Subs/4_English_Forced.srt', 'en', true, false],
  ['Subs/Film (2020)/5_French.srt', 'fr', false, false],
  ['Subs/Film (2020).de.sdh.srt', 'de', false, true]
]

describe('subtitle names → language, forced, SDH', () => {
  expect(BESIDE.length + IN_SUBS.length).toBeGreaterThanOrEqual(30)
  it.each(BESIDE)('%s beside the film', (name, language, forced, sdh) => {
    const found = pairSidecars(['Film (2020).mkv'], [file(name)], []).get('Film (2020).mkv')
    expect(found?.map(sub => [sub.language, sub.forced, sub.sdh])).toEqual([[language, forced, sdh]])
  })
  it.each(IN_SUBS)('%s in a Subs folder', (name, language, forced, sdh) => {
    const found = pairSidecars(['Film (2020).mkv'], [], [file(name)]).get('Film (2020).mkv')
    expect(found?.map(sub => [sub.language, sub.forced, sub.sdh])).toEqual([[language, forced, sdh]])
  })
  it('labels tracks for the menu', () => {
    const found = pairSidecars(['Film.mkv'], [file('Film.eng.forced.srt'), file('Film.de.sdh.srt')], []).get('Film.mkv')
    expect(found?.map(sub => sub.label)).toEqual(['German (SDH)', 'English (forced)'])
  })
  it('gives a subtitle to the longest matching film name, and none to an unrelated name', () => {
    const found = pairSidecars(['Film.mkv', 'Film.Extended.mkv'], [file('Film.Extended.en.srt'), file('Other.en.srt')], [])
    expect(found.get('Film.mkv')).toEqual([])
    expect(found.get('Film.Extended.mkv')?.map(sub => sub.language)).toEqual(['en'])
  })
  it('does not give a Subs/ file without a film name to one of several films', () => {
    const found = pairSidecars(['A.mkv', 'B.mkv'], [], [file('Subs/English.srt')])
    expect([...found.values()].flat()).toEqual([])
  })
})
