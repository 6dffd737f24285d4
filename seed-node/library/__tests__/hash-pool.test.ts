/**
 * Torrents made by the hashing threads are byte for byte those create-torrent makes for the
 * same file and options (so items hashed before the pool keep their ids), and threads exist
 * only while there is something to hash.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import createTorrent from 'create-torrent'
import parseTorrent from 'parse-torrent'
import fc from 'fast-check'
import { HashPool } from '../hash-pool.ts'
import { CREATED_BY, makeTorrent, pieceLengthFor } from '../torrent-maker.ts'
import { scanLibrary } from '../library-scanner.ts'
import { createLogger, silentLogger, type LogLevel } from '../../lib/log.ts'

let dir: string
const SPARSE_BYTES = 48 * 1024 * 1024 + 12_345

/** create-torrent alone, with the options torrent-maker.ts documents (no trackers, Hearth as creator). */
async function byCreateTorrent (absolutePath: string, creationDate: Date): Promise<Buffer> {
  return await new Promise((resolve, reject) => {
    createTorrent(absolutePath, { name: path.basename(absolutePath), createdBy: CREATED_BY, announceList: [], creationDate }, (err, torrent) => err ? reject(err) : resolve(Buffer.from(torrent)))
  })
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-hash-pool-'))
  // Sizes around piece boundaries: one byte, one piece less one, exactly one, one more, several.
  const sizes = [1, 16_383, 16_384, 16_385, 200_000, 3 * 16_384]
  for (const [n, size] of sizes.entries()) {
    const bytes = new Uint8Array(size).map((_, i) => (i * (n + 3) + (i >> 8)) & 0xff)
    await writeFile(path.join(dir, `Clip ${n} – é.mp4`), bytes)
  }
  // A sparse file large enough for 64 KiB pieces, with real bytes at its end.
  const handle = await open(path.join(dir, 'Large.mkv'), 'w')
  await handle.write(Buffer.from('the end of a larger file'), 0, 24, SPARSE_BYTES - 24)
  await handle.close()
})

afterAll(async () => { await rm(dir, { recursive: true, force: true }) })

describe('torrent maker', () => {
  it('picks create-torrent\'s piece length for any size', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 45 }), bytes => {
      // piece-length@2, as create-torrent 6 calls it, capped at its 4 MiB default.
      const expected = Math.min(Math.max(16384, 1 << Math.log2(bytes < 1024 ? 1 : bytes / 1024) + 0.5 | 0), 4 * 1024 * 1024)
      expect(pieceLengthFor(bytes)).toBe(expected)
    }))
    expect(pieceLengthFor(SPARSE_BYTES)).toBe(64 * 1024)
  })

  it('makes the very bytes create-torrent makes, on the main thread', async () => {
    const { media } = await scanLibrary(dir, { log: silentLogger })
    expect(media).toHaveLength(7)
    const creationDate = new Date('2026-03-04T05:06:07.890Z')
    for (const item of media) {
      const made = await makeTorrent(item, { creationDate })
      const reference = await byCreateTorrent(item.absolutePath, creationDate)
      expect(Buffer.from(made.torrent).equals(reference), item.relativePath).toBe(true)
      const parsed = await parseTorrent(reference)
      expect(made.infoHash).toBe(parsed.infoHash)
      expect(made.pieceCount).toBe(parsed.pieces?.length)
    }
  })
})

describe('HashPool', () => {
  it('hashes in threads, several at once, into torrents byte-identical to create-torrent\'s', async () => {
    const warnings: string[] = []
    const pool = new HashPool(2, createLogger('warn', (line: string, _level: LogLevel) => { warnings.push(line) }))
    try {
      expect(pool.stats()).toEqual({ threads: 0, threadsStarted: 0 }) // none before there is work
      const { media } = await scanLibrary(dir, { log: silentLogger })
      const threaded = await Promise.all(media.map(async item => await pool.hash(item)))
      expect(pool.stats().threadsStarted).toBe(2)
      for (const [i, item] of media.entries()) {
        const made = threaded[i]
        if (!made) throw new Error(`no result for ${item.relativePath}`)
        // Same options as the pool's: its own creation date, read back from its torrent.
        const created = (await parseTorrent(made.torrent)).created
        if (!created) throw new Error('the pool\'s torrent has no creation date')
        const reference = await byCreateTorrent(item.absolutePath, created)
        expect(Buffer.from(made.torrent).equals(reference), item.relativePath).toBe(true)
      }
      expect(warnings.filter(line => line.includes('hash_threads_unavailable'))).toEqual([]) // really threads
    } finally {
      await pool.close()
    }
    expect(pool.stats().threads).toBe(0)
  })
})
