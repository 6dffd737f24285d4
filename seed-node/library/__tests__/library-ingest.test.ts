import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdir, rename, rm, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import parseTorrent from 'parse-torrent'
import { makeScratchFolder, type ScratchFolder } from '../../testing/scratch-seed-node.ts'
import { FingerprintCache } from '../fingerprint-cache.ts'
import { LibraryIngest } from '../library-ingest.ts'
import type { LibraryItem } from '../library-item.ts'
import { LibraryRegistry } from '../library-registry.ts'
import { silentLogger } from '../../lib/log.ts'
import type { ItemSeeder } from '../torrent-seeder.ts'

/** Big enough for several 16 KiB pieces, small enough to hash in a blink. */
const FILE_BYTES = 80 * 1024
const FILES = ['Alpha.mp4', 'Series/Show - S01E01.mp4', 'Series/Show - S01E02.mp4']
const FIXED_MTIME_S = 1_700_000_000

let temp: ScratchFolder
let library: string
let state: string

/** Deterministic pseudo-random bytes (xorshift32), different for each seed. */
function bytesFor (seed: number, length = FILE_BYTES): Uint8Array {
  const out = new Uint8Array(length)
  let x = (seed * 2654435761) >>> 0 || 1
  for (let i = 0; i < length; i++) {
    x ^= x << 13; x >>>= 0
    x ^= x >>> 17
    x ^= x << 5; x >>>= 0
    out[i] = x & 0xff
  }
  return out
}

/** Stands in for the WebTorrent seeder (covered by e2e): records what it was asked to do. */
class RecordingSeeder implements ItemSeeder {
  readonly seeded: Array<{ infoHash: string, relativePath: string, torrentInfoHash: Promise<string> }> = []
  readonly unseeded: string[] = []

  /** The seeder reads an item's torrent from the cache when it wakes (seed-node.ts gives it `cache.readTorrent`). */
  constructor (private readonly cache: FingerprintCache) {}

  async seed (item: LibraryItem): Promise<void> {
    this.seeded.push({
      infoHash: item.stored.infoHash,
      relativePath: item.stored.relativePath,
      torrentInfoHash: this.cache.readTorrent(item.stored.infoHash).then(async torrentFile => (await parseTorrent(torrentFile)).infoHash)
    })
  }

  async unseed (infoHash: string): Promise<void> {
    this.unseeded.push(infoHash)
  }
}

interface Node {
  ingest: LibraryIngest
  registry: LibraryRegistry
  seeder: RecordingSeeder
  cache: FingerprintCache
}

/** One "process start": a fresh cache, registry, seeder and ingest over the same state folder. */
async function startNode (): Promise<Node> {
  const cache = await FingerprintCache.open(state, silentLogger)
  const registry = new LibraryRegistry()
  const seeder = new RecordingSeeder(cache)
  const ingest = new LibraryIngest({ libraryRoot: library, cache, registry, seeder, log: silentLogger })
  return { ingest, registry, seeder, cache }
}

function infoHashesByPath (registry: LibraryRegistry): Record<string, string> {
  return Object.fromEntries(registry.list().map(item => [item.stored.relativePath, item.stored.infoHash]))
}

beforeEach(async () => {
  temp = await makeScratchFolder('hearth-ingest-')
  ;({ library, stateDir: state } = temp)
  await mkdir(path.join(library, 'Series'))
  for (const [index, relativePath] of FILES.entries()) {
    const absolutePath = path.join(library, relativePath)
    await writeFile(absolutePath, bytesFor(index + 1))
    await utimes(absolutePath, FIXED_MTIME_S, FIXED_MTIME_S)
  }
})

afterEach(async () => {
  await temp.remove()
})

describe('LibraryIngest', () => {
  it('hashes every file on the first scan and seeds each item', async () => {
    const node = await startNode()
    await node.ingest.scan()
    const { stats } = node.ingest
    expect(stats.itemsHashed).toBe(FILES.length)
    expect(stats.itemsReused).toBe(0)
    expect(stats.piecesHashed).toBeGreaterThanOrEqual(FILES.length * 5) // 80 KiB each, pieces of 16 KiB
    expect(stats.bytesHashed).toBe(FILES.length * FILE_BYTES)
    expect(stats.scans).toBe(1)
    expect(stats.scanning).toBe(false)
    expect(node.registry.size).toBe(FILES.length)
    expect(node.registry.list().every(item => item.availability === 'online')).toBe(true)
    expect(node.seeder.seeded.map(call => call.relativePath).sort()).toEqual([...FILES].sort())
    for (const call of node.seeder.seeded) expect(await call.torrentInfoHash).toBe(call.infoHash)
    expect(new Set(node.seeder.seeded.map(call => call.infoHash)).size).toBe(FILES.length)
    expect(node.seeder.unseeded).toEqual([])
  })

  it('reuses every item after a restart over an unchanged library, hashing nothing', async () => {
    const first = await startNode()
    await first.ingest.scan()
    const before = infoHashesByPath(first.registry)

    const second = await startNode()
    expect(second.cache.size).toBe(FILES.length)
    await second.ingest.scan()
    expect(second.ingest.stats.itemsHashed).toBe(0)
    expect(second.ingest.stats.piecesHashed).toBe(0)
    expect(second.ingest.stats.bytesHashed).toBe(0)
    expect(second.ingest.stats.itemsReused).toBe(FILES.length)
    expect(infoHashesByPath(second.registry)).toEqual(before)
    expect(second.seeder.seeded).toHaveLength(FILES.length)
    // The torrent handed to the seeder is the one read back from the state folder.
    for (const call of second.seeder.seeded) expect(await call.torrentInfoHash).toBe(call.infoHash)
  })

  it('does nothing for unchanged items on a second scan in the same process', async () => {
    const node = await startNode()
    await node.ingest.scan()
    await node.ingest.scan()
    expect(node.ingest.stats.scans).toBe(2)
    expect(node.ingest.stats.itemsHashed).toBe(FILES.length)
    expect(node.seeder.seeded).toHaveLength(FILES.length)
    expect(node.seeder.unseeded).toEqual([])
  })

  it('rehashes only the file whose mtime changed', async () => {
    const first = await startNode()
    await first.ingest.scan()
    const before = infoHashesByPath(first.registry)
    const touched = FILES[1] ?? ''
    await utimes(path.join(library, touched), FIXED_MTIME_S + 60, FIXED_MTIME_S + 60)

    const second = await startNode()
    await second.ingest.scan()
    expect(second.ingest.stats.itemsHashed).toBe(1)
    expect(second.ingest.stats.itemsReused).toBe(FILES.length - 1)
    expect(second.ingest.stats.bytesHashed).toBe(FILE_BYTES)
    expect(second.ingest.stats.piecesHashed).toBe(second.registry.byRelativePath(touched)?.stored.pieceCount)
    // Same bytes, so the same torrent.
    expect(infoHashesByPath(second.registry)).toEqual(before)

    const third = await startNode()
    await third.ingest.scan()
    expect(third.ingest.stats.piecesHashed).toBe(0)
  })

  it('swaps the torrent when a file’s content changes while running', async () => {
    const node = await startNode()
    await node.ingest.scan()
    const changed = FILES[0] ?? ''
    const oldInfoHash = node.registry.byRelativePath(changed)?.stored.infoHash
    await writeFile(path.join(library, changed), bytesFor(99))
    await node.ingest.scan()
    const current = node.registry.byRelativePath(changed)
    expect(current?.stored.infoHash).not.toBe(oldInfoHash)
    expect(current?.availability).toBe('online')
    expect(node.ingest.stats.itemsHashed).toBe(FILES.length + 1)
    expect(node.seeder.unseeded).toEqual([oldInfoHash])
    expect(node.seeder.seeded.at(-1)?.infoHash).toBe(current?.stored.infoHash)
    expect(node.registry.get(oldInfoHash ?? '')).toBeUndefined()
    expect(node.registry.size).toBe(FILES.length)
  })

  it('takes an item offline and unseeds it when its file is deleted', async () => {
    const node = await startNode()
    await node.ingest.scan()
    const deleted = FILES[2] ?? ''
    const infoHash = node.registry.byRelativePath(deleted)?.stored.infoHash ?? ''
    await rm(path.join(library, deleted))
    await node.ingest.scan()
    expect(node.registry.get(infoHash)?.availability).toBe('offline')
    expect(node.seeder.unseeded).toEqual([infoHash])
    const others = node.registry.list().filter(item => item.stored.infoHash !== infoHash)
    expect(others).toHaveLength(FILES.length - 1)
    expect(others.every(item => item.availability === 'online')).toBe(true)
  })

  it('brings an offline item back online, without rehashing, when its file returns', async () => {
    const node = await startNode()
    await node.ingest.scan()
    const moved = FILES[0] ?? ''
    const infoHash = node.registry.byRelativePath(moved)?.stored.infoHash ?? ''
    await rename(path.join(library, moved), path.join(temp.dir, 'aside.mp4'))
    await node.ingest.scan()
    expect(node.registry.get(infoHash)?.availability).toBe('offline')
    await rename(path.join(temp.dir, 'aside.mp4'), path.join(library, moved))
    await node.ingest.scan()
    expect(node.registry.get(infoHash)?.availability).toBe('online')
    expect(node.ingest.stats.itemsHashed).toBe(FILES.length)
    expect(node.seeder.seeded.filter(call => call.infoHash === infoHash)).toHaveLength(2)
  })

  it('takes everything offline when the library root disappears', async () => {
    const node = await startNode()
    await node.ingest.scan()
    await rename(library, path.join(temp.dir, 'unplugged'))
    await node.ingest.scan()
    expect(node.registry.size).toBe(FILES.length)
    expect(node.registry.list().every(item => item.availability === 'offline')).toBe(true)
    expect(node.seeder.unseeded.sort()).toEqual(Object.values(infoHashesByPath(node.registry)).sort())
  })
})
