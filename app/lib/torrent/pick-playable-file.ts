/**
 * For a foreign torrent (a magnet from outside the library), which file to play: the largest
 * one whose extension a browser may play, with the MIME type that extension suggests. Names
 * come from untrusted metadata and are only compared, never used as paths.
 */
import type { NamedFile } from './find-media-file.ts'

/** Extensions Chromium can usually play, and the MIME type reported when playback fails. */
export const PLAYABLE_TYPES: Readonly<Record<string, string>> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
  ogv: 'video/ogg',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  flac: 'audio/flac',
  wav: 'audio/wav'
}

export interface SizedFile extends NamedFile {
  readonly length: number
}

/** The MIME type for a file name's extension, or null when it is not a playable kind. */
export function playableType (path: string): string | null {
  const dot = path.lastIndexOf('.')
  if (dot === -1 || dot < path.lastIndexOf('/')) return null
  return PLAYABLE_TYPES[path.slice(dot + 1).toLowerCase()] ?? null
}

/** The largest playable file (first of equals), or undefined when there is none. */
export function pickPlayableFile<F extends SizedFile> (files: readonly F[]): F | undefined {
  let best: F | undefined
  for (const file of files) {
    if (playableType(file.path) === null) continue
    if (!best || file.length > best.length) best = file
  }
  return best
}
