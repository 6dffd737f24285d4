/**
 * Reads a Kodi/Jellyfin NFO file (`movie.nfo`, `<film>.nfo`, `tvshow.nfo`, an episode's
 * `<episode>.nfo`): XML whose root is `<movie>`, `<tvshow>`, `<episodedetails>` or
 * `<musicvideo>`. NFO files come from untrusted disks and media managers of every vintage, so:
 * - no entity from a DOCTYPE is expanded and an external entity is refused (fast-xml-parser
 *   refuses `SYSTEM` entities; `processEntities: false` keeps `&e;` as text), only the five
 *   XML escapes are decoded;
 * - what the parser returns is validated with a schema; each field that does not fit is
 *   dropped, not the file;
 * - a file that is not XML (Kodi also accepts an NFO holding just a scraper URL) or is
 *   malformed gives `ok: false` with the reason, for the caller to log once and ignore.
 */
import { XMLParser } from 'fast-xml-parser'
import { z } from 'zod'

export type NfoKind = 'movie' | 'tvshow' | 'episode' | 'musicvideo'

export interface NfoFacts {
  kind: NfoKind
  title: string | null
  originalTitle: string | null
  year: number | null
  plot: string | null
  genres: string[]
  runtimeMin: number | null
  rating: number | null
  season: number | null
  episode: number | null
  showTitle: string | null
}

export type NfoResult = { ok: true, nfo: NfoFacts } | { ok: false, reason: string }

const ROOTS: Readonly<Record<string, NfoKind>> = { movie: 'movie', tvshow: 'tvshow', episodedetails: 'episode', musicvideo: 'musicvideo' }
const MAX_TEXT = 10_000
const MAX_GENRES = 20

/** Text cut to `max` characters (a long plot is still worth its first pages). */
const text = (max: number) => z.union([z.string(), z.number()]).transform(value => String(value).trim().slice(0, max)).pipe(z.string().min(1))
const integer = (min: number, max: number) => z.union([z.string(), z.number()]).transform(value => Number(String(value).trim())).pipe(z.number().int().min(min).max(max))
/** `<rating>7.8</rating>`, or Kodi's `<ratings><rating name="imdb" default="true"><value>7.8</value></rating></ratings>`. */
const ratingValue = z.union([z.string(), z.number()]).transform(value => Number(String(value).trim().replace(',', '.'))).pipe(z.number().min(0).max(10))

/** One field at a time: a bad `<year>` costs the year, not the title. */
function field<T> (schema: z.ZodType<T>, value: unknown): T | null {
  const result = schema.safeParse(Array.isArray(value) ? value[0] : value)
  return result.success ? result.data : null
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  processEntities: false,
  trimValues: true,
  // Kodi writes `<genre>` once per genre; one genre must still come back as a list.
  isArray: name => name === 'genre',
  maxNestedTags: 32
})

const XML_ESCAPES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" }
function unescapeXml (value: string): string {
  return value.replace(/&(?:amp|lt|gt|quot|apos);|&#(\d{1,7});|&#x([0-9a-f]{1,6});/gi, (match, dec?: string, hex?: string) => {
    const code = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : null
    if (code === null) return XML_ESCAPES[match.toLowerCase()] ?? match
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match
  })
}

function decoded (value: string | null): string | null {
  if (value === null) return null
  const result = unescapeXml(value).replace(/\s+/g, ' ').trim()
  return result === '' ? null : result
}

const RootObject = z.record(z.string(), z.unknown())

function ratingOf (root: Record<string, unknown>): number | null {
  const direct = field(ratingValue, root.rating)
  if (direct !== null) return direct
  const ratings = RootObject.safeParse(root.ratings)
  if (!ratings.success) return null
  const list = ratings.data.rating
  const first = Array.isArray(list) ? list[0] : list
  const parsed = RootObject.safeParse(first)
  return parsed.success ? field(ratingValue, parsed.data.value) : null
}

/**
 * `<runtime>`: minutes as Kodi writes them (`118`, or `118 min`).
 */
function runtimeOf (value: unknown): number | null {
  const raw = field(text(50), value)
  const minutes = raw === null ? NaN : parseInt(raw, 10)
  return Number.isFinite(minutes) && minutes > 0 && minutes < 100_000 ? minutes : null
}

export function parseNfo (content: string): NfoResult {
  // Kodi NFO files may end with a scraper URL after the XML; only the XML part is read.
  const start = content.indexOf('<')
  if (start === -1) return { ok: false, reason: 'not XML (an NFO holding only a URL?)' }
  let document: unknown
  try {
    document = parser.parse(content.slice(start), true)
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    // The XML is fine but followed by text (a URL line): read the XML alone.
    const rootEnd = /<\/(movie|tvshow|episodedetails|musicvideo)\s*>/i.exec(content)
    if (rootEnd !== null && rootEnd.index + rootEnd[0].length < content.length) return parseNfo(content.slice(0, rootEnd.index + rootEnd[0].length))
    return { ok: false, reason: `malformed XML: ${message.slice(0, 200)}` }
  }
  const top = RootObject.safeParse(document)
  if (!top.success) return { ok: false, reason: 'no root element' }
  const rootName = Object.keys(top.data).find(name => ROOTS[name.toLowerCase()] !== undefined)
  if (rootName === undefined) return { ok: false, reason: `root element is not movie, tvshow, episodedetails or musicvideo (${Object.keys(top.data).filter(name => !name.startsWith('?')).join(', ').slice(0, 100) || 'none'})` }
  const kind = ROOTS[rootName.toLowerCase()] ?? 'movie'
  const rootValue = RootObject.safeParse(Array.isArray(top.data[rootName]) ? (top.data[rootName] as unknown[])[0] : top.data[rootName])
  // `<movie/>` or `<movie>text</movie>`: nothing to use, but not broken either.
  const root = rootValue.success ? rootValue.data : {}
  const genres = z.array(z.unknown()).safeParse(root.genre)
  const genreList = (genres.success ? genres.data : [])
    .map(value => decoded(field(text(100), value)))
    .flatMap(value => value === null ? [] : value.split(/\s*\/\s*/))
    .filter(value => value !== '')
  return {
    ok: true,
    nfo: {
      kind,
      title: decoded(field(text(500), root.title)),
      originalTitle: decoded(field(text(500), root.originaltitle)),
      year: field(integer(1800, 3000), root.year) ?? yearOfDate(field(text(50), root.premiered) ?? field(text(50), root.aired)),
      plot: decoded(field(text(MAX_TEXT), root.plot)) ?? decoded(field(text(MAX_TEXT), root.outline)),
      genres: [...new Set(genreList)].slice(0, MAX_GENRES),
      runtimeMin: runtimeOf(root.runtime),
      rating: ratingOf(root),
      season: field(integer(0, 1000), root.season),
      episode: field(integer(0, 10_000), root.episode),
      showTitle: decoded(field(text(500), root.showtitle))
    }
  }
}

/** `2010-07-16` → 2010. */
function yearOfDate (date: string | null): number | null {
  const match = date === null ? null : /^(\d{4})-\d{2}-\d{2}/.exec(date)
  const year = match ? Number(match[1]) : null
  return year !== null && year >= 1800 && year <= 3000 ? year : null
}
