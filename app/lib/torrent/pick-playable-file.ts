/**
 * For a foreign torrent (a magnet from outside the library), which file to play: the largest
 * one whose extension a browser may play, with the MIME type that extension suggests. Names
 * come from untrusted metadata and are only compared, never used as paths. The extension
 * table is protocol/media-types.ts, the one the seed node's library scanner reads.
 */
import type { NamedFile } from './find-media-file.ts'
import { mediaTypeOf } from '../../../protocol/media-types.ts'

export interface SizedFile extends NamedFile {
  readonly length: number
}

/** The MIME type for a file name's extension, or null when it is not a playable kind. */
export function playableType (path: string): string | null {
  const fileName = path.slice(path.lastIndexOf('/') + 1)
  const type = mediaTypeOf(fileName)
  // AVI, MPEG-TS, WMV, FLV play only through an edition the seed node makes; a browser streaming a foreign torrent cannot.
  return type === undefined || type.editionOnly === true ? null : type.mimeType
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
