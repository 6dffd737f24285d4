/**
 * Keeps the registry and the seeder in step with the library folder: each scan reuses
 * unchanged items from the fingerprint cache, hashes new or changed ones, and takes items
 * whose files have vanished offline. A file that fails is logged and skipped; the rest go on.
 */
import type { FingerprintCache } from './fingerprint-cache.ts'
import type { LibraryRegistry } from './library-registry.ts'
import type { TorrentSeeder } from './torrent-seeder.ts'
import type { Logger } from './log.ts'
import type { ScannedMedia } from './library-scanner.ts'
import { scanLibrary } from './library-scanner.ts'
import { makeTorrent } from './torrent-maker.ts'
import { probeMedia } from './media-probe.ts'
import { toLibraryItem } from './library-item.ts'
import { emptyIngestStats, type IngestStats } from './ingest-stats.ts'
import type { StoredItem } from './stored-item.ts'

export interface LibraryIngestDeps {
  libraryRoot: string
  cache: FingerprintCache
  registry: LibraryRegistry
  seeder: TorrentSeeder
  log: Logger
  excludeFolders?: string[]
}

export class LibraryIngest {
  readonly stats: IngestStats = emptyIngestStats()
  private running: Promise<void> | null = null

  constructor (private readonly deps: LibraryIngestDeps) {}

  /** Runs one scan; if one is running, waits for it instead of starting another. */
  async scan (): Promise<void> {
    this.running ??= this.scanOnce().finally(() => { this.running = null })
    await this.running
  }

  private async scanOnce (): Promise<void> {
    const { libraryRoot, cache, registry, log } = this.deps
    this.stats.scanning = true
    try {
      const result = await scanLibrary(libraryRoot, { log, excludeFolders: this.deps.excludeFolders })
      this.stats.filesSkipped = result.skipped.length
      const seen = new Set<string>()
      for (const media of result.media) {
        seen.add(media.relativePath)
        const current = registry.byRelativePath(media.relativePath)
        const stored = cache.lookup(media)
        if (current && stored && current.stored.infoHash === stored.infoHash && current.availability === 'online') continue
        try {
          await this.admit(media, stored)
        } catch (err) {
          this.stats.filesSkipped++
          log.warn('ingest.item_failed', { path: media.relativePath, error: err instanceof Error ? err.message : String(err) })
        }
      }
      for (const item of registry.list()) {
        if (!seen.has(item.stored.relativePath) && item.availability === 'online') await this.takeOffline(item.stored.infoHash)
      }
      this.stats.scans++
      log.info('ingest.scan_done', { items: registry.size, hashed: this.stats.itemsHashed, reused: this.stats.itemsReused, piecesHashed: this.stats.piecesHashed, skipped: result.skipped.length })
    } catch (err) {
      // The library root itself is unreadable (disk unplugged): everything goes offline.
      log.warn('ingest.library_unreadable', { path: libraryRoot, error: err instanceof Error ? err.message : String(err) })
      for (const item of registry.list()) if (item.availability === 'online') await this.takeOffline(item.stored.infoHash)
    } finally {
      await cache.flush()
      this.stats.scanning = false
    }
  }

  private async admit (media: ScannedMedia, cached: StoredItem | undefined): Promise<void> {
    const { cache, registry, seeder, log, libraryRoot } = this.deps
    let stored = cached
    let torrent: Uint8Array | undefined
    if (stored) {
      try {
        torrent = await cache.readTorrent(stored.infoHash)
      } catch {
        stored = undefined // torrent file lost from the state folder: hash again
      }
    }
    if (!stored || !torrent) {
      const made = await makeTorrent(media)
      const probe = await probeMedia(media.absolutePath)
      if (probe.error) log.warn('ingest.probe_failed', { path: media.relativePath, error: probe.error })
      const { error: _ignored, ...probed } = probe
      const previous = registry.byRelativePath(media.relativePath)
      stored = {
        relativePath: media.relativePath,
        infoHash: made.infoHash,
        fingerprints: Object.fromEntries([media, ...media.subtitles].map(file => [file.relativePath, file.fingerprint])),
        torrentFiles: made.torrentFiles,
        pieceCount: made.pieceCount,
        probe: probed,
        addedAt: previous?.stored.addedAt ?? new Date().toISOString()
      }
      torrent = made.torrent
      await cache.remember(stored, torrent)
      this.stats.itemsHashed++
      this.stats.piecesHashed += made.pieceCount
      this.stats.bytesHashed += [media, ...media.subtitles].reduce((sum, file) => sum + file.fingerprint.sizeBytes, 0)
      log.info('ingest.hashed', { path: media.relativePath, infoHash: made.infoHash, pieces: made.pieceCount })
    } else {
      this.stats.itemsReused++
      log.debug('ingest.reused', { path: media.relativePath, infoHash: stored.infoHash })
    }
    const previous = registry.byRelativePath(media.relativePath)
    if (previous && previous.stored.infoHash !== stored.infoHash) await seeder.unseed(previous.stored.infoHash)
    const item = toLibraryItem(stored, libraryRoot)
    await seeder.seed(item, torrent)
    registry.put(item)
  }

  private async takeOffline (infoHash: string): Promise<void> {
    const item = this.deps.registry.get(infoHash)
    if (!item) return
    await this.deps.seeder.unseed(infoHash)
    this.deps.registry.put({ ...item, availability: 'offline' })
    this.deps.log.warn('ingest.item_offline', { path: item.stored.relativePath, infoHash })
  }
}
