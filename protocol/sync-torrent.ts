/**
 * The sync torrent: a tiny torrent every household member derives from the library key
 * and seeds, so that all of them meet in one swarm whose wires carry the `hearth_sync`
 * extension. Its content is deterministic, so every member computes the same infohash on
 * its own (no metadata exchange, nothing to download). The content reveals nothing: it is a
 * one-way expansion of `syncSwarmSecret`, itself one-way from the library key.
 *
 * Seed it the same way on every side (Node and browser builds of WebTorrent both hand
 * these options to `create-torrent`, and only `name`, `piece length`, `private` and the
 * content reach the info dictionary):
 *
 *   const content = await syncTorrentContent(keys.syncSwarmSecret)
 *   client.seed(content, { ...syncTorrentSeedOptions, announce: [trackerUrl] }, torrent => ...)
 *
 * `announceList: []` keeps create-torrent from adding its public default trackers; the
 * household tracker comes in through `announce` (WebTorrent adds it at run time; it is
 * not part of the infohash).
 */

export const SYNC_TORRENT_NAME = 'hearth-sync'
export const SYNC_TORRENT_PIECE_LENGTH = 16 * 1024
export const SYNC_TORRENT_LENGTH_BYTES = 16 * 1024

/** Domain label hashed in front of the secret, so the content is no other use of it. */
const CONTENT_LABEL = new TextEncoder().encode('hearth/v1/sync-torrent-content')
const SHA256_BYTES = 32

export interface SyncTorrentSeedOptions {
  name: string
  pieceLength: number
  private: boolean
  createdBy: string
  creationDate: number
  announceList: string[][]
}

/** Fixed seed options; spread them into a fresh object (create-torrent writes to its options). */
export const syncTorrentSeedOptions: Readonly<SyncTorrentSeedOptions> = {
  name: SYNC_TORRENT_NAME,
  pieceLength: SYNC_TORRENT_PIECE_LENGTH,
  private: true,
  createdBy: 'Hearth',
  /** 2025-01-01T00:00:00Z; outside the info dictionary, fixed anyway so the .torrent is stable. */
  creationDate: Date.UTC(2025, 0, 1),
  announceList: []
}

/** 16 KiB: SHA-256(label | secret | counter as 4 bytes big-endian) for counter = 0, 1, ... */
export async function syncTorrentContent (syncSwarmSecret: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  if (!(syncSwarmSecret instanceof Uint8Array) || syncSwarmSecret.length < 16) throw new TypeError('syncSwarmSecret must be at least 16 bytes')
  const block = new Uint8Array(CONTENT_LABEL.length + syncSwarmSecret.length + 4)
  block.set(CONTENT_LABEL, 0)
  block.set(syncSwarmSecret, CONTENT_LABEL.length)
  const counterAt = CONTENT_LABEL.length + syncSwarmSecret.length
  const blocks = SYNC_TORRENT_LENGTH_BYTES / SHA256_BYTES
  const digests = await Promise.all(Array.from({ length: blocks }, (_, counter) => {
    const input = block.slice()
    new DataView(input.buffer).setUint32(counterAt, counter)
    return globalThis.crypto.subtle.digest('SHA-256', input)
  }))
  const content = new Uint8Array(SYNC_TORRENT_LENGTH_BYTES)
  digests.forEach((digest, i) => content.set(new Uint8Array(digest), i * SHA256_BYTES))
  return content
}
