/**
 * What one scan saw of the library's metadata files, by folder: picture and NFO names (no
 * extra reads: the scan lists folders anyway), how many main videos each folder holds, and
 * which videos are extras of which film.
 */
import path from 'node:path'
import { extensionOf, mediaTypeOf } from '../../../protocol/media-types.ts'
import { ARTWORK_EXTENSIONS, type FolderListing } from './artwork-names.ts'
import { assignExtras, classifyExtra, type AssignedExtra } from './extras-names.ts'
import type { NfoListing } from './nfo-names.ts'

export interface MetadataListing extends FolderListing, NfoListing {
  extras: ReadonlyMap<string, AssignedExtra>
}

/** `sidecars`: library-relative paths of the pictures and NFO files the scan passed; `media`: the playable files' paths. */
export function metadataListing (sidecars: readonly string[], media: readonly string[]): MetadataListing {
  const pictures = new Map<string, string[]>()
  const nfos = new Map<string, string[]>()
  for (const relativePath of sidecars) {
    const folder = path.posix.dirname(relativePath)
    const name = path.posix.basename(relativePath)
    const ext = extensionOf(name)
    const into = ext === '.nfo' ? nfos : ARTWORK_EXTENSIONS.has(ext) ? pictures : null
    into?.set(folder, [...(into.get(folder) ?? []), name])
  }
  const mains = new Map<string, number>()
  for (const relativePath of media) {
    if (mediaTypeOf(relativePath)?.kind === 'audio' || classifyExtra(relativePath) !== null) continue
    const folder = path.posix.dirname(relativePath)
    mains.set(folder, (mains.get(folder) ?? 0) + 1)
  }
  return {
    pictures: folder => pictures.get(folder) ?? [],
    nfos: folder => nfos.get(folder) ?? [],
    mainVideos: folder => mains.get(folder) ?? 0,
    extras: assignExtras(media)
  }
}

export const EMPTY_LISTING: MetadataListing = metadataListing([], [])
