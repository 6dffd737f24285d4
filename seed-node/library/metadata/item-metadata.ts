/**
 * What the library folder says about each item beyond its media file: the NFO files, the
 * pictures (art-ref.ts) and whether it is an extra of a film. Read at every scan, cheaply:
 * a folder's picture and NFO names come from the scan itself, an NFO is parsed again only
 * when its size or mtime changed, and every problem (too big, unreadable, malformed) is
 * logged once per file and then ignored: the item is still listed, from its file name.
 */
import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { Logger } from '../../lib/log.ts'
import { errnoCode } from '../../lib/errors.ts'
import { fingerprintOf } from '../file-fingerprint.ts'
import { openLibraryFile, type LibraryConfinement } from '../library-file-open.ts'
import type { StoredItem } from '../stored-item.ts'
import { artRef, frameTimeSec, type ArtRef } from './art-ref.ts'
import { itemArtwork, seriesArtwork } from './artwork-names.ts'
import type { AssignedExtra } from './extras-names.ts'
import { itemNfo, showNfo } from './nfo-names.ts'
import type { NfoFacts } from './nfo-parse.ts'
import type { MetadataListing } from './metadata-listing.ts'

/** An NFO is a few kilobytes; anything past this is not one. */
export const MAX_NFO_BYTES = 1024 * 1024

export interface ItemMetadata {
  /** The item's own NFO (`<file>.nfo`, `movie.nfo`). */
  nfo: NfoFacts | null
  /** An episode's `tvshow.nfo`. */
  showNfo: NfoFacts | null
  poster: ArtRef | null
  /** An episode's season or show poster. */
  seriesPoster: ArtRef | null
  extra: AssignedExtra | null
}

export const NO_METADATA: ItemMetadata = { nfo: null, showNfo: null, poster: null, seriesPoster: null, extra: null }

export type ItemKindHint = 'film' | 'episode' | 'audio'

interface CachedNfo { sizeBytes: number, mtimeMs: number, facts: NfoFacts | null }

export class LibraryMetadata {
  private readonly nfoCache = new Map<string, CachedNfo>()
  /** Files whose problem was logged, path → problem: each is said once, again only if it changes. */
  private readonly reported = new Map<string, string>()

  constructor (private readonly confinement: LibraryConfinement, private readonly log: Logger) {}

  async resolve (stored: StoredItem, kind: ItemKindHint, season: number | null, listing: MetadataListing): Promise<ItemMetadata> {
    const { relativePath } = stored
    const nfoPath = itemNfo(relativePath, kind, listing)
    const showNfoPath = kind === 'episode' ? showNfo(relativePath, listing) : null
    const [nfo, show, picture, seriesPicture] = await Promise.all([
      nfoPath === null ? null : this.readNfo(nfoPath),
      showNfoPath === null ? null : this.readNfo(showNfoPath),
      this.pictureRef(itemArtwork(relativePath, kind, listing)),
      kind === 'episode' ? this.pictureRef(seriesArtwork(relativePath, season ?? 1, listing)) : null
    ])
    const poster = picture ?? this.fromMedia(stored, kind)
    const extra = listing.extras.get(relativePath) ?? null
    // Most items of a plain library have none of these: they share one object instead of one each.
    if (nfo === null && show === null && poster === null && seriesPicture === null && extra === null) return NO_METADATA
    return { nfo, showNfo: show, poster, seriesPoster: seriesPicture, extra }
  }

  /** The cover inside the file, else (video only) a frame of it. */
  private fromMedia (stored: StoredItem, kind: ItemKindHint): ArtRef | null {
    const fingerprint = stored.fingerprints[stored.relativePath]
    if (fingerprint === undefined) return null
    const absolutePath = path.join(this.confinement.root, stored.relativePath)
    if (stored.probe.tags?.cover === true) return artRef('embedded', absolutePath, fingerprint)
    return kind === 'audio' ? null : artRef('frame', absolutePath, fingerprint, frameTimeSec(stored.probe.durationSec))
  }

  private async pictureRef (relativePath: string | null): Promise<ArtRef | null> {
    if (relativePath === null) return null
    const absolutePath = path.join(this.confinement.root, relativePath)
    try {
      const stats = await stat(absolutePath)
      if (!stats.isFile() || stats.size === 0) return null
      return artRef('file', absolutePath, fingerprintOf(stats))
    } catch (err) {
      this.reportOnce(relativePath, 'metadata.picture_unreadable', errnoCode(err) ?? String(err))
      return null
    }
  }

  private async readNfo (relativePath: string): Promise<NfoFacts | null> {
    const absolutePath = path.join(this.confinement.root, relativePath)
    try {
      const stats = await stat(absolutePath)
      const cached = this.nfoCache.get(absolutePath)
      if (cached !== undefined && cached.sizeBytes === stats.size && cached.mtimeMs === Math.trunc(stats.mtimeMs)) return cached.facts
      const facts = await this.parseNfoFile(relativePath, absolutePath, stats.size)
      this.nfoCache.set(absolutePath, { sizeBytes: stats.size, mtimeMs: Math.trunc(stats.mtimeMs), facts })
      return facts
    } catch (err) {
      this.reportOnce(relativePath, 'metadata.nfo_unreadable', errnoCode(err) ?? (err instanceof Error ? err.message : String(err)))
      return null
    }
  }

  private async parseNfoFile (relativePath: string, absolutePath: string, sizeBytes: number): Promise<NfoFacts | null> {
    if (sizeBytes > MAX_NFO_BYTES) {
      this.reportOnce(relativePath, 'metadata.nfo_ignored', `larger than ${MAX_NFO_BYTES} bytes`)
      return null
    }
    const handle = await openLibraryFile(absolutePath, this.confinement)
    let bytes: Buffer
    try {
      bytes = await handle.readFile()
    } finally {
      await handle.close()
    }
    // The XML parser loads with the first NFO file, not at start (libraries without NFO never load it).
    const { parseNfo } = await import('./nfo-parse.ts')
    const result = parseNfo(decodeNfo(bytes.subarray(0, MAX_NFO_BYTES)))
    if (!result.ok) {
      this.reportOnce(relativePath, 'metadata.nfo_ignored', result.reason)
      return null
    }
    this.reported.delete(relativePath)
    return result.nfo
  }

  private reportOnce (relativePath: string, event: string, reason: string): void {
    const said = `${event}:${reason}`
    if (this.reported.get(relativePath) === said) return
    // Bounded: a library of broken files cannot grow this without end.
    if (this.reported.size > 10_000) this.reported.clear()
    this.reported.set(relativePath, said)
    this.log.warn(event, { path: relativePath, reason })
  }
}

/** NFO files are UTF-8 (Kodi writes it), sometimes UTF-16 with a byte-order mark. */
export function decodeNfo (bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '')
}
