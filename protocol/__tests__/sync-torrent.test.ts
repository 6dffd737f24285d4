// Node-side check that seeding the sync torrent gives one infohash per library key, using
// create-torrent, which WebTorrent's `client.seed` calls in Node and in the browser alike.
import { describe, expect, it } from 'vitest'
import createTorrentUntyped from 'create-torrent'
import parseTorrent from 'parse-torrent'
import {
  SYNC_TORRENT_LENGTH_BYTES, SYNC_TORRENT_NAME, SYNC_TORRENT_PIECE_LENGTH, syncTorrentContent, syncTorrentSeedOptions
} from '../sync-torrent.ts'
import { deriveKeys } from '../library-key.ts'

// types/create-torrent.d.ts declares path inputs only; WebTorrent hands it our Uint8Array.
const createTorrent = createTorrentUntyped as unknown as (
  input: Uint8Array, opts: Record<string, unknown>, cb: (err: Error | null, torrent: Uint8Array) => void
) => void

function torrentFile (content: Uint8Array, extra: Record<string, unknown> = {}): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    createTorrent(content, { ...syncTorrentSeedOptions, ...extra }, (err, torrent) => (err ? reject(err) : resolve(torrent)))
  })
}

async function infoHashOf (secret: Uint8Array, extra: Record<string, unknown> = {}): Promise<string> {
  const parsed = await parseTorrent(await torrentFile(await syncTorrentContent(secret), extra))
  return parsed.infoHash
}

describe('sync torrent', () => {
  it('expands the secret into 16 KiB, the same every time, different for another secret', async () => {
    const [a, again, b] = await Promise.all([
      syncTorrentContent(new Uint8Array(32).fill(1)),
      syncTorrentContent(new Uint8Array(32).fill(1)),
      syncTorrentContent(new Uint8Array(32).fill(2))
    ])
    expect(a).toHaveLength(SYNC_TORRENT_LENGTH_BYTES)
    expect(again).toEqual(a)
    expect(b).not.toEqual(a)
  })

  it('gives the same infohash on every seeding, whatever tracker or date is passed, and another for another key', async () => {
    const keys = await deriveKeys(Uint8Array.from({ length: 32 }, (_, i) => i))
    const other = await deriveKeys(Uint8Array.from({ length: 32 }, (_, i) => i + 1))
    const first = await infoHashOf(keys.syncSwarmSecret)
    // Also what `client.seed(content, { ...syncTorrentSeedOptions, announce })` gave in Node (webtorrent 3.0.21).
    expect(first).toBe('29d104822d62ff6d7d71dc01c806e3c03a3b2a05')
    expect(await infoHashOf(keys.syncSwarmSecret)).toBe(first)
    expect(await infoHashOf(keys.syncSwarmSecret, { announce: ['ws://127.0.0.1:8000/announce'], creationDate: Date.now(), createdBy: 'WebTorrent/x' })).toBe(first)
    expect(await infoHashOf(other.syncSwarmSecret)).not.toBe(first)
  })

  it('is private, one piece of 16 KiB, named hearth-sync, with no public trackers', async () => {
    const keys = await deriveKeys(new Uint8Array(32))
    const parsed = await parseTorrent(await torrentFile(await syncTorrentContent(keys.syncSwarmSecret)))
    expect(parsed.name).toBe(SYNC_TORRENT_NAME)
    expect((parsed as { private?: boolean }).private).toBe(true)
    expect(parsed.pieceLength).toBe(SYNC_TORRENT_PIECE_LENGTH)
    expect(parsed.length).toBe(SYNC_TORRENT_LENGTH_BYTES)
    expect(parsed.announce).toEqual([])
  })
})
