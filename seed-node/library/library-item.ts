/** An item as the running seed node knows it: what is stored, plus what a person sees. */
import path from 'node:path'
import type { ItemKind, SeriesInfo, SubtitleTrack } from '../../protocol/catalog.ts'
import { mediaTypeOf } from '../../protocol/media-types.ts'
import { parseTitle } from './title-parser.ts'
import type { StoredItem } from './stored-item.ts'
import type { LibraryConfinement } from './library-file-open.ts'

export interface LibraryItem {
  stored: StoredItem
  title: string
  kind: ItemKind
  series: SeriesInfo | null
  mimeType: string
  /** Path of the playable file inside the torrent. */
  mediaTorrentPath: string
  subtitles: SubtitleTrack[]
  /** Absolute path on disk of every file in the torrent, by torrent path. */
  diskPaths: Record<string, string>
  /** Where `diskPaths` may be read from: open them with `openLibraryFile` (library-file-open.ts). */
  confinement: LibraryConfinement
  availability: 'online' | 'offline'
}

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español', it: 'Italiano', nl: 'Nederlands', pt: 'Português', und: 'Subtitles' }

export function toLibraryItem (stored: StoredItem, libraryRoot: string, followSymlinks = false): LibraryItem {
  const mediaName = path.posix.basename(stored.relativePath)
  const type = mediaTypeOf(mediaName)
  const parsed = parseTitle(stored.relativePath)
  const kind: ItemKind = parsed.series ? 'episode' : (type?.kind ?? 'film')
  const media = stored.torrentFiles.find(file => file.libraryPath === stored.relativePath)
  const diskPaths = Object.fromEntries(stored.torrentFiles.map(file => [file.torrentPath, path.join(libraryRoot, file.libraryPath)]))
  const subtitles = stored.torrentFiles
    // Only fingerprinted files are subtitles: a downloaded torrent may carry others (.nfo...).
    .filter(file => file !== media && stored.fingerprints[file.libraryPath] !== undefined)
    .map(file => {
      const name = path.posix.basename(file.torrentPath)
      const format = name.toLowerCase().endsWith('.srt') ? 'srt' as const : 'vtt' as const
      const stem = name.slice(0, -4)
      const base = mediaName.slice(0, mediaName.lastIndexOf('.'))
      const language = stem.length > base.length ? stem.slice(base.length + 1).toLowerCase() : 'und'
      return { path: file.torrentPath, language, label: LANGUAGE_NAMES[language] ?? language, format }
    })
  return {
    stored,
    title: parsed.series ? parsed.title : (stored.probe.embeddedTitle ?? parsed.title),
    kind,
    series: parsed.series,
    mimeType: type?.mimeType ?? 'application/octet-stream',
    mediaTorrentPath: media?.torrentPath ?? mediaName,
    subtitles,
    diskPaths,
    confinement: { root: libraryRoot, followSymlinks },
    availability: 'online'
  }
}
