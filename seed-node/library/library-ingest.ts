/**
 * Keeps the registry and the seeder in step with the library folder: each scan reuses
 * unchanged items from the fingerprint cache, hashes new or changed ones, and takes items
 * whose files have vanished offline. A file that fails is logged and skipped; the rest go on.
 *
 * On a restart the catalog is served from the index first (`restore`), before the first
 * scan has stat'ed a file: an item that scan finds changed is marked `checking` (unseeded,
 * shown as unavailable) until it is hashed again, and one whose file is gone goes offline.
 */
import type { FingerprintCache } from './fingerprint-cache.ts'
import type { LibraryRegistry } from './library-registry.ts'
import type { ItemSeeder } from './torrent-seeder.ts'
import type { Logger } from '../lib/log.ts'
import type { ScannedMedia } from './library-scanner.ts'
import { scanLibrary } from './library-scanner.ts'
import { makeTorrent } from './torrent-maker.ts'
import { probeMedia } from './media-probe.ts'
import { upgradeStoredItem } from './stored-item-upgrade.ts'
import { titleOf, toLibraryItem } from './library-item.ts'
import type { LibraryConfinement } from './library-file-open.ts'
import { emptyIngestStats, type IngestStats } from '../../protocol/api/status.ts'
import type { StoredItem } from './stored-item.ts'
import type { HashPool } from './hash-pool.ts'
import type { LibraryItem } from './library-item.ts'
import { admitDownloaded, forgetDownloaded, type DownloadedItem } from './downloaded-item.ts'
import { forEachLimited } from '../lib/for-each-limited.ts'
import { ScanReport } from './scan-report.ts'
import { findMoved, findReplaced, isLegacyFolderTorrent, mediaFingerprint, relocated, sameContent, withFormerIds } from './item-identity.ts'
import { LibraryMetadata, type ItemMetadata } from './metadata/item-metadata.ts'
import { EMPTY_LISTING, metadataListing, type MetadataListing } from './metadata/metadata-listing.ts'
import { mediaTypeOf } from '../../protocol/media-types.ts'

export interface LibraryIngestDeps {
  libraryRoot: string
  cache: FingerprintCache
  registry: LibraryRegistry
  /** What ingest asks of the seeder (torrent-seeder.ts). */
  seeder: ItemSeeder
  log: Logger
  excludeFolders?: string[]
  /** Library-relative paths still being written by the download queue: never ingested. */
  isBusy?: (relativePath: string) => boolean
  /** Hashing threads; without one, items are hashed on the main thread. */
  hashPool?: HashPool
  /** `--follow-symlinks`: serve symlinked files whose target is outside the library. */
  followSymlinks?: boolean
}

/** Items admitted at once, at least (hashing ones wait for a free hashing thread); twice the threads, so none waits for work. */
const MIN_ADMIT_CONCURRENCY = 4

export class LibraryIngest {
  readonly stats: IngestStats = emptyIngestStats()
  private running: Promise<void> | null = null
  /** Logs each skipped file and outside symlink once, not every scan. */
  private readonly report: ScanReport
  /** Stored items whose file the current scan did not find; one claimed by a new file is removed. */
  private vanished: StoredItem[] = []
  /** NFO files, pictures and extras as the last scan saw them. */
  private listing: MetadataListing = EMPTY_LISTING
  private readonly metadata: LibraryMetadata
  /** Paths of items served from the index by `restore` that no scan has checked yet. */
  private readonly unchecked = new Set<string>()
  /** Folders the last scan walked (the watcher watches them). */
  private walked: readonly string[] = []
  /** Where every item's files may be read from: one object shared by all items. */
  private readonly confinement: LibraryConfinement

  constructor (private readonly deps: LibraryIngestDeps) {
    this.report = new ScanReport(deps.log)
    this.confinement = { root: deps.libraryRoot, followSymlinks: deps.followSymlinks ?? false }
    this.metadata = new LibraryMetadata(this.confinement, deps.log)
  }

  /** The NFO files, pictures and extra status of a stored item, from the last scan's listing. */
  private async metadataOf (stored: StoredItem): Promise<ItemMetadata> {
    const series = titleOf(stored).series
    const kind = mediaTypeOf(stored.relativePath)?.kind === 'audio' ? 'audio' : series !== null ? 'episode' : 'film'
    return await this.metadata.resolve(stored, kind, series?.season ?? null, this.listing)
  }

  /** Samples are hidden: one listed before samples were told apart leaves the library. */
  private async hideSamples (samples: readonly string[]): Promise<void> {
    for (const relativePath of samples) {
      const item = this.deps.registry.byRelativePath(relativePath)
      if (item === undefined && this.deps.cache.at(relativePath) === undefined) continue
      if (item) {
        await this.deps.seeder.unseed(item.stored.infoHash)
        this.deps.registry.remove(item.stored.infoHash)
      }
      this.deps.cache.forget(relativePath)
      this.deps.log.info('ingest.sample_hidden', { path: relativePath })
    }
  }

  /** Folders the last scan walked, relative to the library root. */
  get folders (): readonly string[] {
    return this.walked
  }

  /**
   * Serves the catalog from the index before the first scan: every stored item whose
   * torrent is in the state folder is registered and seeded (dormant) as it was. The scan
   * that follows checks each file; nothing here reads the library.
   */
  async restore (): Promise<void> {
    const { cache, registry, seeder, log } = this.deps
    for (const stored of cache.all()) {
      if (!cache.hasTorrent(stored.infoHash) || isLegacyFolderTorrent(stored) || registry.byRelativePath(stored.relativePath)) continue
      const item = toLibraryItem(stored, this.confinement)
      await seeder.seed(item)
      registry.put(item)
      this.unchecked.add(stored.relativePath)
    }
    this.stats.itemsRestored = this.unchecked.size
    log.info('ingest.restored', { items: this.unchecked.size })
  }

  /** Runs one scan; if one is running, waits for it instead of starting another. */
  async scan (): Promise<void> {
    this.running ??= this.scanOnce().finally(() => { this.running = null })
    await this.running
  }

  private async scanOnce (): Promise<void> {
    const { libraryRoot, cache, registry, log, seeder } = this.deps
    this.stats.scanning = true
    this.vanished = []
    try {
      const result = await scanLibrary(libraryRoot, { log, excludeFolders: this.deps.excludeFolders, followSymlinks: this.deps.followSymlinks })
      this.walked = result.folders
      this.report.report(result)
      this.listing = metadataListing(result.sidecars, result.media.map(media => media.relativePath))
      await this.hideSamples(result.samples)
      this.stats.filesSkipped = result.skipped.length + result.outsideLinks.length
      const seen = new Set<string>()
      const scanned = new Set(result.media.map(media => media.relativePath))
      // Items whose file is gone: candidates for a moved file or a replacing rip (item-identity.ts).
      this.vanished = cache.all().filter(stored => !scanned.has(stored.relativePath))
      const toAdmit: Array<{ media: ScannedMedia, stored: StoredItem | undefined }> = []
      for (const media of result.media) {
        seen.add(media.relativePath)
        if (this.deps.isBusy?.(media.relativePath) === true) continue
        const current = registry.byRelativePath(media.relativePath)
        const stored = cache.lookup(media)
        const restored = this.unchecked.delete(media.relativePath)
        // Items stored before ffprobe was asked go through `admit`, which asks it once.
        const complete = !restored || stored?.probe.facts !== undefined
        if (current && stored && current.stored.infoHash === stored.infoHash && current.availability === 'online' && !isLegacyFolderTorrent(stored) && complete) {
          // The media is unchanged; its sidecars may not be (a subtitle added by Bazarr).
          const item = toLibraryItem(stored, this.confinement, media.subtitles, await this.metadataOf(stored))
          registry.put(item)
          // Kept only if something differs (a new subtitle): the seeder then holds the new object too, not the old one.
          if (registry.get(stored.infoHash) === item) await seeder.seed(item)
          if (restored) this.stats.itemsReused++
          continue
        }
        if (current && current.availability === 'online' && !stored) await this.markChecking(current)
        toAdmit.push({ media, stored })
      }
      this.stats.queued = toAdmit.filter(entry => entry.stored === undefined).length
      if (this.stats.queued > 0) log.info('ingest.hashing', { items: this.stats.queued, threads: this.deps.hashPool?.threads ?? 0 })
      const admitConcurrency = Math.max(MIN_ADMIT_CONCURRENCY, 2 * (this.deps.hashPool?.threads ?? 0))
      await forEachLimited(toAdmit, admitConcurrency, async ({ media, stored }) => {
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
        if (!seen.has(item.stored.relativePath) && item.availability !== 'offline') await this.takeOffline(item.stored.infoHash)
      }
      this.unchecked.clear()
      this.stats.scans++
      log.info('ingest.scan_done', { items: registry.size, hashed: this.stats.itemsHashed, reused: this.stats.itemsReused, piecesHashed: this.stats.piecesHashed, skipped: result.skipped.length })
    } catch (err) {
      // The library root itself is unreadable (disk unplugged): everything goes offline.
      log.warn('ingest.library_unreadable', { path: libraryRoot, error: err instanceof Error ? err.message : String(err) })
      this.walked = []
      for (const item of registry.list()) if (item.availability !== 'offline') await this.takeOffline(item.stored.infoHash)
    } finally {
      await cache.settle()
      this.stats.scanning = false
    }
  }

  /** Takes a vanished item out of the candidates, so two new files cannot both claim it. */
  private claim (stored: StoredItem | undefined): StoredItem | undefined {
    if (stored) this.vanished = this.vanished.filter(other => other !== stored)
    return stored
  }

  /**
   * The stored item for a media file the cache does not know unchanged at its path: a moved
   * file keeps its old torrent (and id); otherwise it is hashed, and a copy of a vanished
   * item's bytes keeps that item's torrent; a new rip of a vanished film, a changed file or
   * a legacy folder torrent gets a new id that carries the old ones (docs/item-identity.md).
   */
  private async identify (media: ScannedMedia): Promise<{ stored: StoredItem, torrent: Uint8Array, newTorrent: boolean }> {
    const { cache, log } = this.deps
    const moved = this.claim(findMoved(media.fingerprint, this.vanished.filter(stored => cache.hasTorrent(stored.infoHash))))
    if (moved) {
      log.info('ingest.moved', { from: moved.relativePath, to: media.relativePath, infoHash: moved.infoHash })
      this.deps.cache.forget(moved.relativePath)
      return { stored: relocated(moved, media.relativePath, media.fingerprint), torrent: await cache.readTorrent(moved.infoHash), newTorrent: false }
    }
    // The probe runs beside the hashing, never on a hashing thread (hash-worker.ts).
    const [made, probe] = await Promise.all([this.deps.hashPool ? this.deps.hashPool.hash(media) : makeTorrent(media), probeMedia(media.absolutePath)])
    this.stats.itemsHashed++
    this.stats.piecesHashed += made.pieceCount
    this.stats.bytesHashed += media.fingerprint.sizeBytes
    for (const twin of this.vanished.filter(stored => mediaFingerprint(stored)?.sizeBytes === media.fingerprint.sizeBytes && cache.hasTorrent(stored.infoHash))) {
      const torrent = await cache.readTorrent(twin.infoHash)
      if (await sameContent(torrent, made.torrent) && this.claim(twin)) {
        log.info('ingest.moved', { from: twin.relativePath, to: media.relativePath, infoHash: twin.infoHash, by: 'content' })
        cache.forget(twin.relativePath)
        return { stored: relocated(twin, media.relativePath, media.fingerprint), torrent, newTorrent: false }
      }
    }
    if (probe.error) log.warn('ingest.probe_failed', { path: media.relativePath, error: probe.error })
    const { error: _ignored, ...probed } = probe
    const atPath = cache.at(media.relativePath)
    const replaced = this.claim(findReplaced(media.relativePath, this.vanished))
    if (replaced) log.info('ingest.replaced', { from: replaced.relativePath, to: media.relativePath, formerId: replaced.infoHash, infoHash: made.infoHash })
    const stored: StoredItem = {
      relativePath: media.relativePath,
      infoHash: made.infoHash,
      fingerprints: { [media.relativePath]: media.fingerprint },
      torrentFiles: made.torrentFiles,
      pieceCount: made.pieceCount,
      probe: probed,
      addedAt: (atPath ?? replaced)?.addedAt ?? new Date().toISOString(),
      formerIds: withFormerIds(made.infoHash, atPath, replaced)
    }
    if (replaced) await this.forgetReplaced(replaced)
    return { stored, torrent: made.torrent, newTorrent: true }
  }

  /** A vanished item another file replaced (or took the place of): no longer listed. */
  private async forgetReplaced (stored: StoredItem): Promise<void> {
    const current = this.deps.registry.get(stored.infoHash)
    if (current && current.stored.relativePath === stored.relativePath) {
      await this.deps.seeder.unseed(stored.infoHash)
      this.deps.registry.remove(stored.infoHash)
    }
    this.deps.cache.forget(stored.relativePath)
  }

  private async admit (media: ScannedMedia, cached: StoredItem | undefined): Promise<void> {
    const { cache, registry, seeder, log } = this.deps
    // A torrent file lost from the state folder means hashing again; so does a legacy folder torrent.
    let stored = cached && cache.hasTorrent(cached.infoHash) && !isLegacyFolderTorrent(cached) ? cached : undefined
    if (!stored) {
      const identified = await this.identify(media)
      stored = identified.stored
      await cache.remember(stored, identified.torrent)
      // Said only once journalled: a crash after this line never hashes the item again.
      if (identified.newTorrent) log.info('ingest.hashed', { path: media.relativePath, infoHash: stored.infoHash, pieces: stored.pieceCount })
    } else {
      this.stats.itemsReused++
      log.debug('ingest.reused', { path: media.relativePath, infoHash: stored.infoHash })
      stored = await upgradeStoredItem(stored, media.absolutePath, this.deps.cache)
    }
    const previous = registry.byRelativePath(media.relativePath)
    // A `checking` item was unseeded when its change was found.
    if (previous && previous.stored.infoHash !== stored.infoHash && previous.availability !== 'checking') await seeder.unseed(previous.stored.infoHash)
    // A moved file keeps its torrent: a torrent already awake reads the old path, so it starts again.
    const moved = registry.get(stored.infoHash)
    if (moved && moved.stored.relativePath !== stored.relativePath) await seeder.unseed(stored.infoHash)
    const item = toLibraryItem(stored, this.confinement, media.subtitles, await this.metadataOf(stored))
    await seeder.seed(item)
    registry.put(item)
  }

  /** A finished download, into the library without hashing (downloaded-item.ts). */
  async admitDownloaded (download: DownloadedItem): Promise<LibraryItem> {
    return await admitDownloaded(this.deps, this.confinement, download)
  }

  /** Drops a downloaded item whose files the household deleted: unseeded, forgotten. */
  async forgetDownloaded (infoHash: string): Promise<void> {
    await forgetDownloaded(this.deps, infoHash)
  }

  /** A served item whose file changed: no longer seeded (its pieces no longer match) until it is hashed again. */
  private async markChecking (item: LibraryItem): Promise<void> {
    await this.deps.seeder.unseed(item.stored.infoHash)
    this.deps.registry.put({ ...item, availability: 'checking' })
    this.deps.log.info('ingest.item_checking', { path: item.stored.relativePath, infoHash: item.stored.infoHash })
  }

  private async takeOffline (infoHash: string): Promise<void> {
    const item = this.deps.registry.get(infoHash)
    if (!item) return
    await this.deps.seeder.unseed(infoHash)
    this.deps.registry.put({ ...item, availability: 'offline' })
    this.deps.log.warn('ingest.item_offline', { path: item.stored.relativePath, infoHash })
  }
}
