/**
 * NFO files as Kodi, Jellyfin, Emby and tinyMediaManager write them, and as untrusted disks
 * hold them: every field read, each bad field dropped alone, malformed XML and entity tricks
 * refused with a reason (never thrown, never expanded).
 */
import { describe, it, expect } from 'vitest'
import { decodeNfo } from '../item-metadata.ts'
import { parseNfo, type NfoFacts } from '../nfo-parse.ts'

const EMPTY: Omit<NfoFacts, 'kind'> = { title: null, originalTitle: null, year: null, plot: null, genres: [], runtimeMin: null, rating: null, season: null, episode: null, showTitle: null }

const READ: ReadonlyArray<[string, string, Partial<NfoFacts>]> = [
  ['a Kodi movie.nfo', `<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>
<movie>
    <title>Big Buck Bunny</title>
    <originaltitle>Big Buck Bunny</originaltitle>
    <ratings><rating name="imdb" max="10" default="true"><value>6.4</value><votes>40000</votes></rating></ratings>
    <year>2008</year>
    <plot>A giant rabbit takes revenge.</plot>
    <runtime>10</runtime>
    <genre>Animation</genre>
    <genre>Comedy</genre>
    <uniqueid type="imdb" default="true">tt1254207</uniqueid>
</movie>`, { kind: 'movie', title: 'Big Buck Bunny', originalTitle: 'Big Buck Bunny', year: 2008, plot: 'A giant rabbit takes revenge.', runtimeMin: 10, genres: ['Animation', 'Comedy'], rating: 6.4 }],
  ['a plain <rating>, genres joined with a slash, runtime in words', '<movie><title>Heat</title><rating>8,3</rating><genre>Crime / Thriller</genre><runtime>170 min</runtime></movie>',
    { kind: 'movie', title: 'Heat', rating: 8.3, genres: ['Crime', 'Thriller'], runtimeMin: 170 }],
  ['a tvshow.nfo', '<tvshow><title>The Expanse</title><year>2015</year><plot>Space.</plot><genre>Sci-Fi</genre></tvshow>',
    { kind: 'tvshow', title: 'The Expanse', year: 2015, plot: 'Space.', genres: ['Sci-Fi'] }],
  ['an episode .nfo: season, episode, show title, aired year', '<episodedetails><title>Dulcinea</title><showtitle>The Expanse</showtitle><season>1</season><episode>1</episode><aired>2015-12-14</aired></episodedetails>',
    { kind: 'episode', title: 'Dulcinea', showTitle: 'The Expanse', season: 1, episode: 1, year: 2015 }],
  ['a musicvideo.nfo', '<musicvideo><title>Clip</title><year>1984</year></musicvideo>', { kind: 'musicvideo', title: 'Clip', year: 1984 }],
  ['XML followed by a scraper URL (Kodi allows it)', '<movie><title>Alien</title><year>1979</year></movie>\nhttps://www.imdb.com/title/tt0078748/',
    { kind: 'movie', title: 'Alien', year: 1979 }],
  ['the five XML escapes and numeric references decoded', '<movie><title>Fast &amp; Furious &#8211; &quot;Tokyo&quot; &lt;Drift&gt;</title></movie>', { title: 'Fast & Furious \u2013 "Tokyo" <Drift>' }],
  ['CDATA plot', '<movie><title>X</title><plot><![CDATA[Line one & <two>]]></plot></movie>', { title: 'X', plot: 'Line one & <two>' }],
  ['a bad year is dropped, the title kept', '<movie><title>Kept</title><year>twenty</year><season>-1</season></movie>', { title: 'Kept', year: null, season: null }],
  ['an absurd year is dropped', '<movie><title>Future</title><year>99999</year></movie>', { title: 'Future', year: null }],
  ['an empty root', '<movie/>', {}],
  ['whitespace is tidied', '<movie><title>\n   Spaced    Out \n</title></movie>', { title: 'Spaced Out' }],
  ['a DOCTYPE entity is left as text, never expanded', '<!DOCTYPE m [<!ENTITY boom "BOOM">]><movie><title>&boom;</title></movie>', { title: '&boom;' }]
]

const REFUSED: ReadonlyArray<[string, string, RegExp]> = [
  ['unclosed tags', '<movie><title>Broken</movie>', /malformed XML/],
  ['an external entity (XXE)', '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><movie><title>&xxe;</title></movie>', /malformed XML: External entities/],
  ['a parameter entity', '<!DOCTYPE m [<!ENTITY % p SYSTEM "http://example.invalid/x.dtd"> %p;]><movie/>', /malformed XML/],
  ['only a URL', 'https://www.themoviedb.org/movie/603', /not XML/],
  ['an unknown root', '<album><title>Nope</title></album>', /root element/],
  ['binary garbage', '\u0000\u0001<\u0002\u0003', /malformed XML|root element|no root/],
  ['an empty file', '', /not XML/]
]

describe('parseNfo reads what media managers write', () => {
  it.each(READ)('%s', (_name, xml, expected) => {
    const result = parseNfo(xml)
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.nfo).toEqual({ ...EMPTY, kind: expected.kind ?? 'movie', ...expected })
  })
})

describe('parseNfo refuses what is no NFO, with a reason and without throwing', () => {
  it.each(REFUSED)('%s', (_name, xml, reason) => {
    const result = parseNfo(xml)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toMatch(reason)
  })

  it('a billion-laughs DOCTYPE does not expand', () => {
    const lol = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><movie><title>&lol3;</title></movie>'
    const result = parseNfo(lol)
    if (result.ok) expect(result.nfo.title).toBe('&lol3;')
  })

  it('a very long plot is cut to the catalog bound, not stored whole', () => {
    const result = parseNfo(`<movie><title>Long</title><plot>${'word '.repeat(5000)}</plot></movie>`)
    expect(result.ok && result.nfo.plot?.length).toBeLessThanOrEqual(10_000)
    expect(result.ok && result.nfo.plot?.startsWith('word word')).toBe(true)
  })
})

describe('decodeNfo', () => {
  it('reads UTF-8 with or without a BOM, and UTF-16 with one', () => {
    const text = '<movie><title>Amélie</title></movie>'
    expect(decodeNfo(Buffer.from(text, 'utf8'))).toBe(text)
    expect(decodeNfo(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toBe(text)
    expect(decodeNfo(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(text)
  })
})
