/**
 * What a finished download becomes in the library. Hearth's items are one playable file
 * each, so a torrent holding several picks ONE: the largest playable file (the film, not
 * its sample or trailer), with the subtitles beside it that the scanner would pair with it
 * (`Film.vtt`, `Film.en.srt` in the same folder). The whole downloaded torrent stays the
 * item's torrent, so it is seeded as it was downloaded, without hashing anything again.
 * Other playable files of the torrent are picked up by the next library scan as items of
 * their own (hashed once, like any new file).
 */
import path from 'node:path'
import { mediaTypeOf, isSubtitle } from '../../protocol/media-types.ts'
import { pairSubtitles, type ScannedFile } from '../library/library-scanner.ts'

export interface DownloadedFile {
  /** Path inside the torrent, `/`-separated (torrent name first for a folder torrent). */
  torrentPath: string
  sizeBytes: number
}

export interface CompletionPlan {
  /** Library-relative path of the item's playable file. */
  mediaPath: string
  /** Library-relative paths of the subtitles that travel with it. */
  subtitlePaths: string[]
  /** Every file of the torrent: torrent path → library-relative path. */
  torrentFiles: Array<{ torrentPath: string, libraryPath: string }>
  /** Playable files of the torrent that are not the item's media (their own items later). */
  otherPlayable: string[]
}

/** Null when the torrent holds no playable file (it is kept in Downloads, not in the catalog). */
export function planCompletion (files: DownloadedFile[], downloadsFolder: string): CompletionPlan | null {
  const torrentFiles = files.map(file => ({ torrentPath: file.torrentPath, libraryPath: `${downloadsFolder}/${file.torrentPath}` }))
  const playable = files.filter(file => mediaTypeOf(file.torrentPath) !== undefined && file.sizeBytes > 0)
  if (playable.length === 0) return null
  const largest = playable.reduce((best, file) => file.sizeBytes > best.sizeBytes ? file : best)
  const mediaPath = `${downloadsFolder}/${largest.torrentPath}`
  const folder = path.posix.dirname(mediaPath)
  // Pair as the scanner does, so a later scan finds the same files and reuses the item.
  const neighbours: ScannedFile[] = files
    .map(file => `${downloadsFolder}/${file.torrentPath}`)
    .filter(libraryPath => path.posix.dirname(libraryPath) === folder && (libraryPath === mediaPath || isSubtitle(libraryPath)))
    .map(libraryPath => ({ relativePath: libraryPath, absolutePath: libraryPath, fingerprint: { sizeBytes: 0, mtimeMs: 0, inode: 0 } }))
  const paired = pairSubtitles(neighbours).find(media => media.relativePath === mediaPath)
  return {
    mediaPath,
    subtitlePaths: paired?.subtitles.map(sub => sub.relativePath) ?? [],
    torrentFiles,
    otherPlayable: playable.filter(file => file !== largest).map(file => `${downloadsFolder}/${file.torrentPath}`)
  }
}
