/**
 * A finished download (downloads/), into the library at once and without hashing: the
 * torrent it was downloaded by (every piece already checked by WebTorrent) becomes the
 * item's torrent, and the fingerprints of the finished files go into the cache, so the next
 * scan reuses it. Only the media is read, by the probe. LibraryIngest calls these.
 */
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { fingerprintOf } from './file-fingerprint.ts'
import type { LibraryIngestDeps } from './library-ingest.ts'
import type { LibraryConfinement } from './library-file-open.ts'
import { toLibraryItem, type LibraryItem } from './library-item.ts'
import { probeMedia } from './media-probe.ts'
import type { StoredItem } from './stored-item.ts'
import { pairSidecars } from './subtitles/sidecar-pairing.ts'

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

export async function admitDownloaded (deps: LibraryIngestDeps, confinement: LibraryConfinement, download: DownloadedItem): Promise<LibraryItem> {
  const { cache, registry, seeder, log, libraryRoot } = deps
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
    addedAt: new Date().toISOString(),
    origin: 'download'
  }
  await cache.remember(stored, download.torrent)
  const previous = registry.byRelativePath(download.mediaPath)
  if (previous && previous.stored.infoHash !== download.infoHash) await seeder.unseed(previous.stored.infoHash)
  const sidecars = download.subtitlePaths.map(relativePath => ({ relativePath, absolutePath: path.join(libraryRoot, relativePath), fingerprint: fingerprints[relativePath] ?? { sizeBytes: 0, mtimeMs: 0, inode: 0 } }))
  const subtitles = pairSidecars([download.mediaPath], sidecars, []).get(download.mediaPath) ?? []
  const item = toLibraryItem(stored, confinement, subtitles)
  await seeder.seed(item)
  registry.put(item)
  await cache.settle()
  log.info('ingest.downloaded', { path: download.mediaPath, infoHash: download.infoHash, pieces: download.pieceCount })
  return item
}

/** Drops a downloaded item whose files the household deleted: unseeded, forgotten. */
export async function forgetDownloaded (deps: LibraryIngestDeps, infoHash: string): Promise<void> {
  const item = deps.registry.get(infoHash)
  if (!item) return
  await deps.seeder.unseed(infoHash)
  deps.registry.remove(infoHash)
  deps.cache.forget(item.stored.relativePath)
  await deps.cache.settle()
}
