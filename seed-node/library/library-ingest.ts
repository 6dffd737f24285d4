/**
 * Keeps the registry and the seeder in step with the library folder: each scan reuses
 * unchanged items from the fingerprint cache, hashes new or changed ones, and takes items
 * whose files have vanished offline. A file that fails is logged and skipped; the rest go on.
 */
import type { FingerprintCache } from './fingerprint-cache.ts'
import type { LibraryRegistry } from './library-registry.ts'
import type { TorrentSeeder } from './torrent-seeder.ts'
import type { Logger } from '../lib/log.ts'
import type { ScannedMedia } from './library-scanner.ts'
import { scanLibrary } from './library-scanner.ts'
import { makeTorrent } from './torrent-maker.ts'
import { probeFacts, probeMedia } from './media-probe.ts'
import { toLibraryItem } from './library-item.ts'
import { emptyIngestStats, type IngestStats } from '../../protocol/api/status.ts'
import type { StoredItem } from './stored-item.ts'
import type { HashPool } from './hash-pool.ts'
import type { LibraryItem } from './library-item.ts'
import { fingerprintOf } from './file-fingerprint.ts'
import { stat } from 'node:fs/promises'
import path from 'node:path'

export interface LibraryIngestDeps {
  libraryRoot: string
  cache: FingerprintCache
  registry: LibraryRegistry
  seeder: TorrentSeeder
  log: Logger
  excludeFolders?: string[]
  /** Library-relative paths still being written by the download queue: never ingested. */
  isBusy?: (relativePath: string) => boolean
  /** Hashing threads; without one, items are hashed on the main thread. */
  hashPool?: HashPool
  /** `--follow-symlinks`: serve symlinked files whose target is outside the library. */
  followSymlinks?: boolean
}

/** Items admitted at once (hashing ones wait for a free hashing thread). */
const ADMIT_CONCURRENCY = 4

/** A finished download, admitted with the torrent it was downloaded by (no hashing). */
export interface DownloadedItem {
  infoHash: string
  torrent: Uint8Array
  pieceCount: number
  /** Library-relative paths of the playable file and of the subtitles that travel with it. */
  mediaPath: string
  subtitlePaths: string[]
  /** Every file of the torrent: torrent path → library-relative path. */
  torrentFiles: Array<{ torrentPath: string, libraryPath: string }>
}

export class LibraryIngest {
  readonly stats: IngestStats = emptyIngestStats()
  private running: Promise<void> | null = null
  /** Symlinks leading outside the library already logged (each is warned about once, not every scan). */
  private reportedLinks = new Set<string>()

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
      const result = await scanLibrary(libraryRoot, { log, excludeFolders: this.deps.excludeFolders, followSymlinks: this.deps.followSymlinks })
      this.reportOutsideLinks(result.outsideLinks)
      this.stats.filesSkipped = result.skipped.length + result.outsideLinks.length
      const seen = new Set<string>()
      const toAdmit: Array<{ media: ScannedMedia, stored: StoredItem | undefined }> = []
      for (const media of result.media) {
        seen.add(media.relativePath)
        if (this.deps.isBusy?.(media.relativePath) === true) continue
        const current = registry.byRelativePath(media.relativePath)
        const stored = cache.lookup(media)
        if (current && stored && current.stored.infoHash === stored.infoHash && current.availability === 'online') continue
        toAdmit.push({ media, stored })
      }
      this.stats.queued = toAdmit.filter(entry => entry.stored === undefined).length
      if (this.stats.queued > 0) log.info('ingest.hashing', { items: this.stats.queued, threads: this.deps.hashPool?.threads ?? 0 })
      await forEachLimited(toAdmit, ADMIT_CONCURRENCY, async ({ media, stored }) => {
        try {
          await this.admit(media, stored)
        } catch (err) {
          this.stats.filesSkipped++
          log.warn('ingest.item_failed', { path: media.relativePath, error: err instanceof Error ? err.message : String(err) })
        } finally {
          if (stored === undefined) this.stats.queued--
        }
      })
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

  private reportOutsideLinks (links: ReadonlyArray<{ relativePath: string, target: string }>): void {
    const current = new Set<string>()
    for (const { relativePath, target } of links) {
      current.add(relativePath)
      if (!this.reportedLinks.has(relativePath)) this.deps.log.warn('scan.symlink_outside_library', { path: relativePath, target, note: 'not served; --follow-symlinks serves such links' })
    }
    this.reportedLinks = current
  }

  private async admit (media: ScannedMedia, cached: StoredItem | undefined): Promise<void> {
    const { cache, registry, seeder, log, libraryRoot } = this.deps
    // A torrent file lost from the state folder means hashing again.
    let stored = cached && cache.hasTorrent(cached.infoHash) ? cached : undefined
    if (!stored) {
      const { made, probe } = this.deps.hashPool
        ? await this.deps.hashPool.hash(media)
        : { made: await makeTorrent(media), probe: await probeMedia(media.absolutePath) }
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
      await cache.remember(stored, made.torrent)
      this.stats.itemsHashed++
      this.stats.piecesHashed += made.pieceCount
      this.stats.bytesHashed += [media, ...media.subtitles].reduce((sum, file) => sum + file.fingerprint.sizeBytes, 0)
      log.info('ingest.hashed', { path: media.relativePath, infoHash: made.infoHash, pieces: made.pieceCount })
    } else {
      this.stats.itemsReused++
      log.debug('ingest.reused', { path: media.relativePath, infoHash: stored.infoHash })
      stored = await this.withCodecFacts(stored, media.absolutePath)
    }
    const previous = registry.byRelativePath(media.relativePath)
    if (previous && previous.stored.infoHash !== stored.infoHash) await seeder.unseed(previous.stored.infoHash)
    const item = toLibraryItem(stored, libraryRoot, this.deps.followSymlinks)
    const infoHash = stored.infoHash
    await seeder.seed(item, async () => await cache.readTorrent(infoHash))
    registry.put(item)
  }

  /** Items stored before ffprobe was asked get its codec facts once (no rehash), then are remembered with them. */
  private async withCodecFacts (stored: StoredItem, absolutePath: string): Promise<StoredItem> {
    if (stored.probe.facts !== undefined) return stored
    const facts = await probeFacts(absolutePath)
    if (facts === null) return stored
    const updated = { ...stored, probe: { ...stored.probe, facts } }
    await this.deps.cache.remember(updated, await this.deps.cache.readTorrent(stored.infoHash))
    return updated
  }

  /**
   * Adds a finished download to the library and seeds it at once, without hashing: the
   * torrent it was downloaded by (every piece already checked by WebTorrent) becomes the
   * item's torrent, and the fingerprints of the finished files go into the cache, so the
   * next scan reuses it. Only the media is read, by the probe.
   */
  async admitDownloaded (download: DownloadedItem): Promise<LibraryItem> {
    const { cache, registry, seeder, log, libraryRoot } = this.deps
    const fingerprints: StoredItem['fingerprints'] = {}
    for (const relativePath of [download.mediaPath, ...download.subtitlePaths]) {
      fingerprints[relativePath] = fingerprintOf(await stat(path.join(libraryRoot, relativePath)))
    }
    const probe = await probeMedia(path.join(libraryRoot, download.mediaPath))
    if (probe.error) log.warn('ingest.probe_failed', { path: download.mediaPath, error: probe.error })
    const { error: _ignored, ...probed } = probe
    const stored: StoredItem = {
      relativePath: download.mediaPath,
      infoHash: download.infoHash,
      fingerprints,
      torrentFiles: download.torrentFiles,
      pieceCount: download.pieceCount,
      probe: probed,
      addedAt: new Date().toISOString()
    }
    await cache.remember(stored, download.torrent)
    const previous = registry.byRelativePath(download.mediaPath)
    if (previous && previous.stored.infoHash !== download.infoHash) await seeder.unseed(previous.stored.infoHash)
    const item = toLibraryItem(stored, libraryRoot, this.deps.followSymlinks)
    await seeder.seed(item, async () => await cache.readTorrent(download.infoHash))
    registry.put(item)
    await cache.flush()
    log.info('ingest.downloaded', { path: download.mediaPath, infoHash: download.infoHash, pieces: download.pieceCount })
    return item
  }

  /** Drops a downloaded item whose files the household deleted: unseeded, forgotten. */
  async forgetDownloaded (infoHash: string): Promise<void> {
    const item = this.deps.registry.get(infoHash)
    if (!item) return
    await this.deps.seeder.unseed(infoHash)
    this.deps.registry.remove(infoHash)
    this.deps.cache.forget(item.stored.relativePath)
    await this.deps.cache.flush()
  }

  private async takeOffline (infoHash: string): Promise<void> {
    const item = this.deps.registry.get(infoHash)
    if (!item) return
    await this.deps.seeder.unseed(infoHash)
    this.deps.registry.put({ ...item, availability: 'offline' })
    this.deps.log.warn('ingest.item_offline', { path: item.stored.relativePath, infoHash })
  }
}

/** Runs `task` over `items` with at most `limit` in flight. */
async function forEachLimited<T> (items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]
      if (item !== undefined) await task(item)
    }
  })
  await Promise.all(lanes)
}
