/** Hashing threads make the very same torrents as hashing on the main thread. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import parseTorrent from 'parse-torrent'
import { HashPool } from '../hash-pool.ts'
import { makeTorrent } from '../torrent-maker.ts'
import { scanLibrary } from '../library-scanner.ts'
import { createLogger, silentLogger, type LogLevel } from '../../lib/log.ts'

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-hash-pool-'))
  for (let n = 0; n < 6; n++) {
    const bytes = new Uint8Array(200_000 + n * 1000).map((_, i) => (i * (n + 3)) & 0xff)
    await writeFile(path.join(dir, `Clip ${n}.mp4`), bytes)
  }
})

afterAll(async () => { await rm(dir, { recursive: true, force: true }) })

describe('HashPool', () => {
  it('hashes in threads, several at once, with the same results as the main thread', async () => {
    const warnings: string[] = []
    const pool = new HashPool(2, createLogger('warn', (line: string, _level: LogLevel) => { warnings.push(line) }))
    try {
      const { media } = await scanLibrary(dir, { log: silentLogger })
      const threaded = await Promise.all(media.map(async item => await pool.hash(item)))
      const direct = await Promise.all(media.map(async item => await makeTorrent(item)))
      expect(threaded.map(result => result.made.infoHash)).toEqual(direct.map(result => result.infoHash))
      expect(threaded.map(result => result.made.pieceCount)).toEqual(direct.map(result => result.pieceCount))
      // The info dictionaries are identical byte for byte (the files differ only in `creation date`).
      const infoOf = async (torrent: Uint8Array | undefined): Promise<Buffer> => Buffer.from((await parseTorrent(torrent ?? new Uint8Array())).infoBuffer ?? [])
      expect((await infoOf(threaded[0]?.made.torrent)).equals(await infoOf(direct[0]?.torrent))).toBe(true)
      expect(warnings.filter(line => line.includes('hash_threads_unavailable'))).toEqual([]) // really threads
    } finally {
      await pool.close()
    }
  })
})
