/** An item as the running seed node knows it: what is stored, plus what a person sees. */
import path from 'node:path'
import type { ItemKind, Playable, SeriesInfo, SubtitleTrack } from '../../protocol/catalog.ts'
import type { ScannedSubtitle } from './subtitles/sidecar-pairing.ts'
import { embeddedSubtitles, embeddedTrack } from './subtitles/embedded-subtitles.ts'
import { mediaTypeOf } from '../../protocol/media-types.ts'
import { episodeLabel, parseTitle, type ParsedTitle } from './title-parser.ts'
import type { StoredItem } from './stored-item.ts'
import type { LibraryConfinement } from './library-file-open.ts'
import { NO_METADATA, type ItemMetadata } from './metadata/item-metadata.ts'

/** A sidecar subtitle as the seed node serves it (subtitle-route.ts): what the catalog shows, and where it is. */
export interface SidecarSubtitle {
  kind: 'file'
  track: Omit<SubtitleTrack, 'url'>
  /** Absolute path on disk; open it with `openLibraryFile` and the item's confinement. */
  diskPath: string
}

/** A text stream inside the media file, served as WebVTT extracted by ffmpeg (embedded-subtitle-store.ts). */
export interface EmbeddedSubtitle {
  kind: 'embedded'
  track: Omit<SubtitleTrack, 'url'>
  /** ffprobe's stream index (`-map 0:<stream>`). */
  stream: number
}

export type ServedSubtitle = SidecarSubtitle | EmbeddedSubtitle

export interface LibraryItem {
  stored: StoredItem
  title: string
  kind: ItemKind
  series: SeriesInfo | null
  /** Release year: the NFO's, the tags', or the name's. */
  year: number | null
  /** NFO files, pictures and extras found beside the file (metadata/item-metadata.ts). */
  metadata: ItemMetadata
  mimeType: string
  /** `edition` for containers no browser plays (protocol/media-types.ts). */
  playable: Playable
  /** Path of the playable file inside the torrent. */
  mediaTorrentPath: string
  /** Sidecar subtitles, then the file's own text streams, in the order of their URLs (`…/subtitles/<n>.vtt`). */
  subtitles: readonly ServedSubtitle[]
  /**
   * The library's confinement, one object shared by every item: its files are under `root`
   * (`seedFilesOf` gives their absolute paths); open them with `openLibraryFile`.
   */
  confinement: LibraryConfinement
  /**
   * `checking`: served from the index at start, then found changed by the first scan; not
   * seeded until hashed again. The catalog shows it as `offline` (catalog-builder.ts).
   */
  availability: 'online' | 'offline' | 'checking'
}

function toSidecar (subtitle: ScannedSubtitle, mediaDir: string): SidecarSubtitle {
  const relative = path.posix.relative(mediaDir, subtitle.relativePath)
  return {
    kind: 'file',
    track: { path: relative, language: subtitle.language, label: subtitle.label, format: subtitle.format, forced: subtitle.forced, sdh: subtitle.sdh, default: subtitle.isDefault },
    diskPath: subtitle.absolutePath
  }
}

/** Most items have no subtitles: they share one empty list instead of an array each. */
const NO_SUBTITLES: readonly ServedSubtitle[] = Object.freeze([])

/**
 * Absolute path on disk of every file in the item's torrent, by torrent path, and where they
 * may be read from. Worked out when asked (a wake, a web seed request), not held per item:
 * at 10,000 items a record of paths each was ~0.3 KB of heap per item (bench/README.md).
 */
export function seedFilesOf (item: Pick<LibraryItem, 'stored' | 'confinement'>): { diskPaths: Record<string, string>, confinement: LibraryConfinement } {
  const diskPaths: Record<string, string> = {}
  for (const file of item.stored.torrentFiles) diskPaths[file.torrentPath] = path.join(item.confinement.root, file.libraryPath)
  return { diskPaths, confinement: item.confinement }
}

/** Absolute path of the item's playable file. */
export function mediaDiskPath (item: Pick<LibraryItem, 'stored' | 'confinement'>): string {
  return path.join(item.confinement.root, item.stored.relativePath)
}

/**
 * Titles parsed per stored item: every rescan looks at each item, and its path has not
 * changed. A film's name costs the parser ~0.1–0.3 ms, 1–3 s of CPU a rescan at 10,000 items
 * if asked again.
 */
const parsedTitles = new WeakMap<StoredItem, ParsedTitle>()

export function titleOf (stored: StoredItem): ParsedTitle {
  let parsed = parsedTitles.get(stored)
  if (parsed === undefined) {
    parsed = parseTitle(stored.relativePath)
    parsedTitles.set(stored, parsed)
  }
  return parsed
}

/**
 * What the item is called, by precedence (docs/metadata.md): its NFO file, then the file's own
 * tags, then its name and folders. A show's name comes from `tvshow.nfo` (so every episode
 * agrees), then the episode NFO's `<showtitle>`, then the folders.
 */
function describe (stored: StoredItem, metadata: ItemMetadata): { title: string, series: SeriesInfo | null, year: number | null, kind: ItemKind } {
  const type = mediaTypeOf(path.posix.basename(stored.relativePath))
  const parsed = titleOf(stored)
  const { nfo, showNfo } = metadata
  const tags = stored.probe.tags
  const series = parsed.series === null
    ? null
    : { name: showNfo?.title ?? nfo?.showTitle ?? parsed.series.name, season: nfo?.season ?? parsed.series.season, episode: nfo?.episode ?? parsed.series.episode }
  // An episode with no name of its own is called after its show, as the NFO names the show.
  const unnamedEpisode = series !== null && parsed.series !== null && parsed.title === episodeLabel(parsed.series.name, parsed.series.season, parsed.series.episode)
  const nameTitle = series === null ? (stored.probe.embeddedTitle ?? parsed.title) : unnamedEpisode ? episodeLabel(series.name, series.season, series.episode) : parsed.title
  return {
    title: nfo?.title ?? (type?.kind === 'audio' ? tags?.title ?? nameTitle : nameTitle),
    series,
    year: nfo?.year ?? tags?.year ?? parsed.year,
    kind: series ? 'episode' : (type?.kind ?? 'film')
  }
}

/**
 * The item for a stored one. `confinement` is the library's, shared by all its items (a string
 * gives a confinement of its own, for tests and one-offs).
 */
export function toLibraryItem (stored: StoredItem, confinement: LibraryConfinement | string, subtitles: readonly ScannedSubtitle[] = [], metadata: ItemMetadata = NO_METADATA): LibraryItem {
  const mediaName = path.posix.basename(stored.relativePath)
  const type = mediaTypeOf(mediaName)
  const { title, series, year, kind } = describe(stored, metadata)
  const media = stored.torrentFiles.find(file => file.libraryPath === stored.relativePath)
  const mediaDir = path.posix.dirname(stored.relativePath)
  const embedded = embeddedSubtitles(stored.probe.facts?.subtitles ?? []).text
  const served: readonly ServedSubtitle[] = subtitles.length === 0 && embedded.length === 0
    ? NO_SUBTITLES
    : [
        ...subtitles.map(subtitle => toSidecar(subtitle, mediaDir)),
        ...embedded.map((facts): EmbeddedSubtitle => ({ kind: 'embedded', track: embeddedTrack(facts, mediaName), stream: facts.stream }))
      ]
  return {
    stored,
    title,
    kind,
    series,
    year,
    metadata,
    mimeType: type?.mimeType ?? 'application/octet-stream',
    playable: type?.editionOnly === true ? 'edition' : 'direct',
    mediaTorrentPath: media?.torrentPath ?? mediaName,
    subtitles: served,
    confinement: typeof confinement === 'string' ? { root: confinement, followSymlinks: false } : confinement,
    availability: 'online'
  }
}
