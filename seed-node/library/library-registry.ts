/** The items the seed node currently knows, by infohash. Ingest writes it; HTTP reads it. */
import type { LibraryItem } from './library-item.ts'

export class LibraryRegistry {
  private readonly byInfoHash = new Map<string, LibraryItem>()
  private readonly byPath = new Map<string, string>()

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

  put (item: LibraryItem): void {
    const previous = this.byPath.get(item.stored.relativePath)
    if (previous !== undefined && previous !== item.stored.infoHash) this.byInfoHash.delete(previous)
    // The same item at a new path (a moved file keeps its id): its old path no longer leads to it.
    const moved = this.byInfoHash.get(item.stored.infoHash)
    if (moved && moved.stored.relativePath !== item.stored.relativePath) this.byPath.delete(moved.stored.relativePath)
    this.byInfoHash.set(item.stored.infoHash, item)
    this.byPath.set(item.stored.relativePath, item.stored.infoHash)
  }

  remove (infoHash: string): void {
    const item = this.byInfoHash.get(infoHash)
    if (!item) return
    this.byInfoHash.delete(infoHash)
    this.byPath.delete(item.stored.relativePath)
  }

  /** Items whose files cannot be read right now (no sorting: status is polled often). */
  offlineCount (): number {
    let offline = 0
    for (const item of this.byInfoHash.values()) if (item.availability === 'offline') offline++
    return offline
  }

  /** Items sorted for display: series episodes in order, then by title. */
  list (): LibraryItem[] {
    return [...this.byInfoHash.values()].sort((a, b) => {
      const keyA = a.series ? `${a.series.name}\u0000${String(a.series.season).padStart(4, '0')}${String(a.series.episode).padStart(5, '0')}` : a.title
      const keyB = b.series ? `${b.series.name}\u0000${String(b.series.season).padStart(4, '0')}${String(b.series.episode).padStart(5, '0')}` : b.title
      return keyA.localeCompare(keyB)
    })
  }
}
