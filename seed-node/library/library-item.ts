/** An item as the running seed node knows it: what is stored, plus what a person sees. */
import path from 'node:path'
import type { ItemKind, Playable, SeriesInfo, SubtitleTrack } from '../../protocol/catalog.ts'
import type { ScannedSubtitle } from './subtitles/sidecar-pairing.ts'
import { mediaTypeOf } from '../../protocol/media-types.ts'
import { parseTitle, type ParsedTitle } from './title-parser.ts'
import type { StoredItem } from './stored-item.ts'
import type { LibraryConfinement } from './library-file-open.ts'

/** A sidecar subtitle as the seed node serves it (subtitle-route.ts): what the catalog shows, and where it is. */
export interface SidecarSubtitle {
  track: Omit<SubtitleTrack, 'url'>
  /** Absolute path on disk; open it with `openLibraryFile` and the item's confinement. */
  diskPath: string
}

export interface LibraryItem {
  stored: StoredItem
  title: string
  kind: ItemKind
  series: SeriesInfo | null
  mimeType: string
  /** `edition` for containers no browser plays (protocol/media-types.ts). */
  playable: Playable
  /** Path of the playable file inside the torrent. */
  mediaTorrentPath: string
  /** Sidecar subtitles, in the order of their URLs (`…/subtitles/<n>.vtt`). */
  subtitles: SidecarSubtitle[]
  /** Absolute path on disk of every file in the torrent, by torrent path. */
  diskPaths: Record<string, string>
  /** Where `diskPaths` may be read from: open them with `openLibraryFile` (library-file-open.ts). */
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
    track: { path: relative, language: subtitle.language, label: subtitle.label, format: subtitle.format, forced: subtitle.forced, sdh: subtitle.sdh, default: subtitle.isDefault },
    diskPath: subtitle.absolutePath
  }
}

/** Titles parsed per stored item: every rescan rebuilds each item, and its path has not changed. */
const parsedTitles = new WeakMap<StoredItem, ParsedTitle>()

function titleOf (stored: StoredItem): ParsedTitle {
  let parsed = parsedTitles.get(stored)
  if (parsed === undefined) {
    parsed = parseTitle(stored.relativePath)
    parsedTitles.set(stored, parsed)
  }
  return parsed
}

export function toLibraryItem (stored: StoredItem, libraryRoot: string, followSymlinks = false, subtitles: readonly ScannedSubtitle[] = []): LibraryItem {
  const mediaName = path.posix.basename(stored.relativePath)
  const type = mediaTypeOf(mediaName)
  const parsed = titleOf(stored)
  const kind: ItemKind = parsed.series ? 'episode' : (type?.kind ?? 'film')
  const media = stored.torrentFiles.find(file => file.libraryPath === stored.relativePath)
  const diskPaths = Object.fromEntries(stored.torrentFiles.map(file => [file.torrentPath, path.join(libraryRoot, file.libraryPath)]))
  const mediaDir = path.posix.dirname(stored.relativePath)
  return {
    stored,
    title: parsed.series ? parsed.title : (stored.probe.embeddedTitle ?? parsed.title),
    kind,
    series: parsed.series,
    mimeType: type?.mimeType ?? 'application/octet-stream',
    playable: type?.editionOnly === true ? 'edition' : 'direct',
    mediaTorrentPath: media?.torrentPath ?? mediaName,
    subtitles: subtitles.map(subtitle => toSidecar(subtitle, mediaDir)),
    diskPaths,
    confinement: { root: libraryRoot, followSymlinks },
    availability: 'online'
  }
}
