/**
 * Where each torrent this page opened got its metadata, for diagnostics and the e2e tests:
 * `torrent-file` (the seed node's .torrent, torrent-file.ts) or `peers` (ut_metadata over a
 * wire, the magnet path), and how many wires the torrent had when its metadata was ready: 0
 * proves nothing was waited for over the peer wire.
 */
export type MetadataFrom = 'torrent-file' | 'peers'

export interface MetadataOrigin {
  readonly from: MetadataFrom
  readonly wiresAtReady: number
}

/** Bounded by the torrents a page opens (one per item played). */
const origins = new Map<string, MetadataOrigin>()

export function recordMetadataOrigin (infoHash: string, origin: MetadataOrigin): void {
  origins.set(infoHash, origin)
}

export function metadataOrigin (infoHash: string): MetadataOrigin | null {
  return origins.get(infoHash) ?? null
}
