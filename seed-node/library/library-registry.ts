/**
 * The items the seed node currently knows, by infohash. Ingest writes it; HTTP reads it.
 * Every write is recorded in `changes` (catalog-change-log.ts), which the catalog's ETag and
 * `?since=` deltas are made from: code that changes an item in place, without `put`, must call
 * `touch` so that the item reaches apps that cached it.
 */
import type { LibraryItem } from './library-item.ts'
import { compareCatalogOrder } from '../../protocol/catalog-order.ts'
import { CatalogChangeLog } from './catalog-change-log.ts'
import { createHash } from 'node:crypto'

/**
 * A digest of everything the item holds: each rescan puts every item again, and only one that
 * differs is a change. The whole item, not a list of fields, so fields added later count too.
 */
function itemSignature (item: LibraryItem): number {
  // 48 bits as a number, not a string: ~16 bytes an item instead of ~48 (a miss is 1 in 2^48).
  return createHash('sha1').update(JSON.stringify(item)).digest().readUIntBE(0, 6)
}

export class LibraryRegistry {
  private readonly byInfoHash = new Map<string, LibraryItem>()
  private readonly byPath = new Map<string, string>()
  readonly changes = new CatalogChangeLog()

  get size (): number {
    return this.byInfoHash.size
  }

  get (infoHash: string): LibraryItem | undefined {
    return this.byInfoHash.get(infoHash)
  }

  /** The item with this id, or the one that carries it among its former ids (an old link). */
  resolve (id: string): LibraryItem | undefined {
    const item = this.byInfoHash.get(id)
    if (item) return item
    for (const candidate of this.byInfoHash.values()) if (candidate.stored.formerIds?.includes(id) === true) return candidate
    return undefined
  }

  byRelativePath (relativePath: string): LibraryItem | undefined {
    const infoHash = this.byPath.get(relativePath)
    return infoHash === undefined ? undefined : this.byInfoHash.get(infoHash)
  }

  /**
   * Lists `item`. An item as it was (a rescan puts every item again) leaves the object already
   * held in place, and the new one is garbage at once: the seeder holds the registry's object
   * for a dormant item (torrent-seeder.ts), so replacing it would keep both alive.
   */
  put (item: LibraryItem): void {
    const signature = itemSignature(item)
    if (this.byInfoHash.has(item.stored.infoHash) && this.changes.isCurrent(item.stored.infoHash, signature)) return
    const previous = this.byPath.get(item.stored.relativePath)
    if (previous !== undefined && previous !== item.stored.infoHash && this.byInfoHash.delete(previous)) this.changes.removed(previous)
    // The same item at a new path (a moved file keeps its id): its old path no longer leads to it.
    const moved = this.byInfoHash.get(item.stored.infoHash)
    if (moved && moved.stored.relativePath !== item.stored.relativePath) this.byPath.delete(moved.stored.relativePath)
    this.byInfoHash.set(item.stored.infoHash, item)
    this.byPath.set(item.stored.relativePath, item.stored.infoHash)
    this.changes.changed(item.stored.infoHash, signature)
  }

  /** Records a change made to an item in place (a poster found, facts probed later). */
  touch (infoHash: string): void {
    if (this.byInfoHash.has(infoHash)) this.changes.changed(infoHash)
  }

  remove (infoHash: string): void {
    const item = this.byInfoHash.get(infoHash)
    if (!item) return
    this.byInfoHash.delete(infoHash)
    this.byPath.delete(item.stored.relativePath)
    this.changes.removed(infoHash)
  }

  /** Items whose files cannot be read right now (no sorting: status is polled often). */
  offlineCount (): number {
    let offline = 0
    for (const item of this.byInfoHash.values()) if (item.availability === 'offline') offline++
    return offline
  }

  /** Items sorted for display: series episodes in order, then by title. */
  list (): LibraryItem[] {
    return [...this.byInfoHash.values()].sort(compareCatalogOrder)
  }
}
