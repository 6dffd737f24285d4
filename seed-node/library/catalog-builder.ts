/** Builds catalog items for one caller, with URLs as that caller reaches us (streamed by catalog-stream.ts). */
import type { CatalogItem } from '../../protocol/catalog.ts'
import type { LibraryItem } from './library-item.ts'
import { buildMagnet } from '../../protocol/magnet-link.ts'

export interface CatalogContext {
  libraryName: string
  /** `http://host:port` as the caller reached the seed node. */
  publicOrigin: string
  /** WebSocket announce URL for the caller. */
  trackerUrl: string
  /** HTTP announce URL for classic BitTorrent clients, or null with an external tracker. */
  classicTrackerUrl: string | null
  /** Whether magnet links name the HTTP web seed. */
  webSeed: boolean
  /** Token the caller's magnets carry in tracker and web-seed URLs (the household credential). */
  token: string
}

export function webSeedUrlFor (item: LibraryItem, publicOrigin: string, token: string): string {
  const base = `${publicOrigin}/webseed/${token}/${item.stored.infoHash}`
  // A single-file torrent's web seed URL is the file itself; a folder torrent's is the folder.
  return item.stored.torrentFiles.length === 1
    ? `${base}/${encodeURIComponent(item.mediaTorrentPath)}`
    : `${base}/`
}

export function toCatalogItem (item: LibraryItem, context: CatalogContext): CatalogItem {
  const { stored } = item
  const torrentName = stored.torrentFiles.length === 1 ? item.mediaTorrentPath : item.mediaTorrentPath.split('/')[0] ?? item.title
  return {
    id: stored.infoHash,
    title: item.title,
    kind: item.kind,
    series: item.series,
    mediaPath: item.mediaTorrentPath,
    sizeBytes: stored.fingerprints[stored.relativePath]?.sizeBytes ?? 0,
    pieceCount: stored.pieceCount,
    durationSec: stored.probe.durationSec,
    mimeType: item.mimeType,
    container: stored.probe.container,
    videoCodec: stored.probe.videoCodec,
    audioCodec: stored.probe.audioCodec,
    subtitles: item.subtitles,
    magnet: buildMagnet({
      infoHash: stored.infoHash,
      displayName: torrentName,
      trackerUrl: context.trackerUrl,
      classicTrackerUrl: context.classicTrackerUrl,
      webSeedUrl: context.webSeed ? webSeedUrlFor(item, context.publicOrigin, context.token) : null
    }),
    posterUrl: null,
    addedAt: stored.addedAt,
    availability: item.availability
  }
}
