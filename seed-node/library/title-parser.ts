/**
 * Turns a library path into what a person calls the item. Scene and media-manager names go
 * through @ctrl/video-filename-parser (the Radarr/Sonarr rules, typed, maintained):
 * `The.Show.S02E01.1080p.WEB-DL.x264-GROUP.mkv` is episode 1 of season 2 of "The Show", and
 * `Dune.Part.Two.2024.2160p.BluRay.x265.mkv` the film "Dune Part Two (2024)". Season folders
 * count (`The Show/Season 02/Episode 2.mp4` is S02E02). A series' year is dropped from its
 * name, so `The Show (2010)` and `The.Show` are one show.
 */
import { filenameParse } from '@ctrl/video-filename-parser'
import type { SeriesInfo } from '../../protocol/catalog.ts'
import { mediaTypeOf, stripExtension } from '../../protocol/media-types.ts'

export interface ParsedTitle {
  title: string
  series: SeriesInfo | null
  /** Release year when the name gives one. */
  year: number | null
}

// Word boundaries without `\b`, which counts `_` as a letter and so missed `Show_S01E02_Name`.
const EPISODE_PATTERNS = [/(?<![a-z0-9])S(\d{1,3})[\s._-]*E(\d{1,4})(?:-?E\d{1,4})*(?![a-z0-9])/i, /(?<![A-Za-z0-9])(\d{1,2})x(\d{1,3})(?![A-Za-z0-9])/]
const SEASON_FOLDER = /^(?:season|series|saison|staffel|s)[\s._-]*(\d{1,3})$/i
const SPECIALS_FOLDER = /^specials?$/i
/** `Episode 2`, `E02`, `Ep. 2`, `02 - Name`, `2`: the episode number of a file in a season folder. */
const EPISODE_IN_FOLDER = /^(?:(?:episode|ep|e)[\s._-]*)?(\d{1,4})(?:$|[\s._-]+(.*)$)/i
/** Where release tags start in what follows `S01E02`: resolution, source, codec, group. */
const RELEASE_TAG = /(?:^|[\s._-])(?:2160p|1080[pi]|720p|576p|480p|4k|uhd|web[\s._-]?dl|webrip|web|bluray|blu[\s._-]?ray|brrip|bdrip|dvdrip|hdtv|pdtv|amzn|nf|dsnp|hmax|atvp|x26[45]|h[\s.]?26[45]|hevc|avc|xvid|divx|aac|ac3|dts|ddp?5[\s.]1|10bit|hdr|proper|repack|internal|multi)(?=$|[\s._-])/i
const YEAR_SUFFIX = /\s*[([]?((?:18|19|20)\d\d)[)\]]?\s*$/

function tidy (text: string): string {
  return text.replace(/[._]+/g, ' ').replace(/\s+-\s*$|^\s*-\s+/g, '').replace(/\s+/g, ' ').trim()
}

/** `The Show S01E02`: an episode's title when its name gives none. */
export function episodeLabel (name: string, season: number, episode: number): string {
  return `${name} S${String(season).padStart(2, '0')}E${String(episode).padStart(2, '0')}`
}

/** Series names by prefix: a show's episodes share one, and the parser costs ~0.1 ms a call (10,000 items at start). */
const seriesNames = new Map<string, string>()
const MAX_REMEMBERED_SERIES = 4096

/** The series' name without its year, as the parser reads it (falls back to a tidy prefix). */
function seriesName (prefix: string): string {
  const known = seriesNames.get(prefix)
  if (known !== undefined) return known
  if (seriesNames.size >= MAX_REMEMBERED_SERIES) seriesNames.clear()
  const name = parseSeriesName(prefix)
  seriesNames.set(prefix, name)
  return name
}

function parseSeriesName (prefix: string): string {
  const tidied = tidy(prefix).replace(/[\s-]+$/, '')
  let name: string
  try {
    name = filenameParse(`${prefix}.S01E01`, true).title.trim() || tidied
  } catch {
    name = tidied
  }
  const bare = tidy(name.replace(YEAR_SUFFIX, '')) || name
  // An all-lower-case scene name (`breaking.bad.s01e01`) reads better as a title.
  return bare === bare.toLowerCase() ? bare.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase()) : bare
}

/** The episode's own name: what follows `S01E02`, without release tags or a group. */
function episodeName (rest: string): string {
  const tag = RELEASE_TAG.exec(rest)
  return tidy(tag === null ? rest : rest.slice(0, tag.index))
}

function fromEpisodeMarker (base: string): ParsedTitle | null {
  for (const pattern of EPISODE_PATTERNS) {
    const match = pattern.exec(base)
    if (!match) continue
    const name = seriesName(base.slice(0, match.index))
    if (name === '') continue
    const season = Number(match[1])
    const episode = Number(match[2])
    const title = episodeName(base.slice(match.index + match[0].length))
    return { title: title === '' ? episodeLabel(name, season, episode) : title, series: { name, season, episode }, year: null }
  }
  return null
}

function fromSeasonFolder (base: string, folders: readonly string[]): ParsedTitle | null {
  const folder = folders[folders.length - 1] ?? ''
  const seasonMatch = SEASON_FOLDER.exec(folder.trim())
  const season = seasonMatch ? Number(seasonMatch[1]) : SPECIALS_FOLDER.test(folder.trim()) ? 0 : null
  const show = folders[folders.length - 2]
  if (season === null || show === undefined) return null
  const episodeMatch = EPISODE_IN_FOLDER.exec(tidy(base))
  if (!episodeMatch) return null
  const name = seriesName(show)
  const episode = Number(episodeMatch[1])
  const title = episodeName(episodeMatch[2] ?? '')
  return { title: title === '' ? episodeLabel(name, season, episode) : title, series: { name, season, episode }, year: null }
}

function asFilm (base: string): ParsedTitle {
  try {
    const parsed = filenameParse(base, false)
    const year = typeof parsed.year === 'string' && /^\d{4}$/.test(parsed.year) ? Number(parsed.year) : null
    const title = tidy(parsed.title)
    if (title !== '') return { title: year === null ? title : `${title} (${year})`, series: null, year }
  } catch {
    // The parser throws on names it cannot read at all; the tidy name below still serves.
  }
  return { title: tidy(base) || base, series: null, year: null }
}

/** `01 - Song.mp3`, `03. Song.flac`: a track's name without its number. */
const TRACK_NUMBER = /^\d{1,3}(?:\s*[-.]\s*|\s+)(?=\S)/

/** `relativePath`: the file's path in the library (`Shows/The Show/Season 01/…`), or a bare file name. */
export function parseTitle (relativePath: string): ParsedTitle {
  const parts = relativePath.split('/')
  const fileName = parts[parts.length - 1] ?? relativePath
  const base = stripExtension(fileName)
  if (mediaTypeOf(fileName)?.kind === 'audio') return { title: tidy(base.replace(TRACK_NUMBER, '')) || base, series: null, year: null }
  return fromEpisodeMarker(base) ?? fromSeasonFolder(base, parts.slice(0, -1)) ?? asFilm(base)
}
