/**
 * Finished editions seeded as torrents, like library items: once ffmpeg completes an
 * edition, its MP4 and torrent are made in the background (edition-torrent.ts, one at a
 * time, at low priority), and the torrent is registered with the seed node's WebTorrent
 * client, dormant until a device announces it (the embedded tracker wakes it). At start the
 * torrents of editions kept in the cache are seeded again, and editions finished before
 * this existed get theirs. An edition evicted from the cache stops being seeded.
 */
import path from 'node:path'
import type { SeedFiles } from '../library/torrent-seeder.ts'
import type { Logger } from '../lib/log.ts'
import type { CachedEdition } from './edition-cache.ts'
import { makeEditionTorrent, readEditionTorrent, type EditionTorrent } from './edition-torrent.ts'

/** What of the seed node's WebTorrent client editions use (torrent-seeder.ts). */
export interface EditionSeeder {
  registerFiles: (infoHash: string, files: SeedFiles, loadTorrent: () => Promise<Uint8Array>) => void
  unregister: (infoHash: string) => Promise<void>
}

export interface EditionSeedingStats {
  /** Editions seeded as torrents now. */
  seeding: number
  /** Finished editions waiting for (or in) their remux into one MP4. */
  pending: number
}

export class EditionSeeding {
  /** Edition folder → its torrent, for every edition seeded now. */
  private readonly seeded = new Map<string, EditionTorrent>()
  /** Edition folders waiting for, or in, their remux (never evicted meanwhile). */
  private readonly pending = new Set<string>()
  private queue: Promise<void> = Promise.resolve()

  constructor (
    private readonly root: string,
    private readonly seeder: EditionSeeder | null,
    private readonly log: Logger,
    /** Called when a torrent was made: the folder grew, so the cache bound is checked again. */
    private readonly onMade: () => void = () => {}
  ) {}

  /** Seeds the torrents of kept editions, and queues those finished without one. */
  async restore (editions: readonly CachedEdition[]): Promise<void> {
    if (this.seeder === null) return
    for (const edition of editions.filter(candidate => candidate.complete)) {
      const made = await readEditionTorrent(edition.dir)
      if (made !== null) this.seed(edition.dir, made)
      else this.enqueue(edition.dir)
    }
  }

  /** Queues a just-finished edition for its MP4 and torrent. */
  enqueue (dir: string): void {
    if (this.seeder === null || this.pending.has(dir) || this.seeded.has(dir)) return
    this.pending.add(dir)
    this.queue = this.queue.then(async () => await this.make(dir))
  }

  private async make (dir: string): Promise<void> {
    const key = path.basename(dir)
    const itemId = path.basename(path.dirname(dir))
    const startedMs = Date.now()
    try {
      const made = await makeEditionTorrent(dir, itemId, key)
      if (!this.pending.has(dir)) return // forgotten meanwhile
      this.seed(dir, made)
      this.log.info('editions.torrent_made', { item: itemId, key, infoHash: made.infoHash, sizeBytes: made.sizeBytes, tookMs: Date.now() - startedMs })
      this.onMade()
    } catch (err) {
      this.log.warn('editions.torrent_failed', { item: itemId, key, error: err instanceof Error ? err.message : String(err) })
    } finally {
      this.pending.delete(dir)
    }
  }

  private seed (dir: string, made: EditionTorrent): void {
    if (this.seeder === null) return
    this.seeded.set(dir, made)
    // Read-only, confined to this edition's folder: the seeder never writes there.
    this.seeder.registerFiles(made.infoHash, { diskPaths: { [made.fileName]: made.mp4Path }, confinement: { root: dir, followSymlinks: false } }, async () => made.torrent)
  }

  /** The torrent of the edition in `dir`, when it is seeded. */
  torrentOf (dir: string): EditionTorrent | undefined {
    return this.seeded.get(dir)
  }

  /** What the web seed reads for an edition's infohash (a device with no WebRTC peer fills in over HTTP). */
  filesOf (infoHash: string): (SeedFiles & { availability: 'online' }) | undefined {
    for (const [dir, made] of this.seeded) {
      if (made.infoHash === infoHash) return { diskPaths: { [made.fileName]: made.mp4Path }, confinement: { root: dir, followSymlinks: false }, availability: 'online' }
    }
    return undefined
  }

  /** Folders the cache must not evict now. */
  busy (): Set<string> {
    return new Set(this.pending)
  }

  /** Stops seeding editions removed from the cache. */
  async forget (dirs: readonly string[]): Promise<void> {
    for (const dir of dirs) {
      this.pending.delete(dir)
      const made = this.seeded.get(dir)
      if (made === undefined || this.seeder === null) continue
      this.seeded.delete(dir)
      await this.seeder.unregister(made.infoHash)
      this.log.info('editions.unseeded', { dir: path.relative(this.root, dir), infoHash: made.infoHash })
    }
  }

  stats (): EditionSeedingStats {
    return { seeding: this.seeded.size, pending: this.pending.size }
  }
}
