import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { copyFile, mkdir, rename, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import createTorrent from 'create-torrent'
import parseTorrent from 'parse-torrent'
import { makeScratchFolder, type ScratchFolder } from '../../testing/scratch-seed-node.ts'
import { FingerprintCache } from '../fingerprint-cache.ts'
import { LibraryIngest } from '../library-ingest.ts'
import { LibraryRegistry } from '../library-registry.ts'
import { scanLibrary } from '../library-scanner.ts'
import { fingerprintOf } from '../file-fingerprint.ts'
import { identityKey } from '../item-identity.ts'
import { silentLogger } from '../../lib/log.ts'
import type { ItemSeeder } from '../torrent-seeder.ts'
import { stat } from 'node:fs/promises'

let temp: ScratchFolder
let library: string
let state: string

/** A one-second 64×48 H.264 film made by ffmpeg; `tone` makes different rips differ. */
function makeFilm (file: string, tone = 440): void {
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=10:duration=1', '-f', 'lavfi', '-i', `sine=frequency=${tone}:duration=1`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest', file])
}

/** Identity is ingest's decision; what the seeder does with an item is covered by e2e. */
const noSeeder: ItemSeeder = { seed: async () => {}, unseed: async () => {} }

async function startNode (): Promise<{ ingest: LibraryIngest, registry: LibraryRegistry }> {
  const cache = await FingerprintCache.open(state, silentLogger)
  const registry = new LibraryRegistry()
  return { ingest: new LibraryIngest({ libraryRoot: library, cache, registry, seeder: noSeeder, log: silentLogger }), registry }
}

const SRT = '1\n00:00:00,100 --> 00:00:00,900\nHello\n'

beforeEach(async () => {
  temp = await makeScratchFolder('hearth-identity-')
  ;({ library, stateDir: state } = temp)
  makeFilm(path.join(library, 'Film (2020).mp4'))
})

afterEach(async () => {
  await temp.remove()
})

describe('item identity', () => {
  it('keeps the id when a subtitle is added, edited or removed, and lists the subtitle', async () => {
    const node = await startNode()
    await node.ingest.scan()
    const [before] = node.registry.list()
    await writeFile(path.join(library, 'Film (2020).en.forced.srt'), SRT)
    await node.ingest.scan()
    const [withSub] = node.registry.list()
    expect(withSub?.stored.infoHash).toBe(before?.stored.infoHash)
    expect(withSub?.stored.torrentFiles).toHaveLength(1)
    expect(withSub?.subtitles.map(sub => [sub.track.language, sub.track.forced])).toEqual([['en', true]])
    await writeFile(path.join(library, 'Film (2020).en.forced.srt'), SRT + '\n2\n00:00:01,000 --> 00:00:02,000\nMore\n')
    await unlink(path.join(library, 'Film (2020).en.forced.srt'))
    await node.ingest.scan()
    expect(node.registry.list().map(item => item.stored.infoHash)).toEqual([before?.stored.infoHash])
    expect(node.ingest.stats.itemsHashed).toBe(1)
  })

  it('keeps the id when the file is renamed or moved (same inode), across a restart too', async () => {
    const first = await startNode()
    await first.ingest.scan()
    const id = first.registry.list()[0]?.stored.infoHash
    await mkdir(path.join(library, 'Films'))
    await rename(path.join(library, 'Film (2020).mp4'), path.join(library, 'Films', 'The Film (2020) 1080p.mp4'))
    await first.ingest.scan()
    expect(first.registry.list().map(item => [item.stored.relativePath, item.stored.infoHash, item.availability])).toEqual([['Films/The Film (2020) 1080p.mp4', id, 'online']])
    expect(first.ingest.stats.itemsHashed).toBe(1)
    await rename(path.join(library, 'Films', 'The Film (2020) 1080p.mp4'), path.join(library, 'Moved.mp4'))
    const second = await startNode()
    await second.ingest.scan()
    expect(second.registry.list().map(item => [item.stored.relativePath, item.stored.infoHash])).toEqual([['Moved.mp4', id]])
    expect(second.ingest.stats.itemsHashed).toBe(0)
  })

  it('keeps the id of a copy with the same bytes (another inode), found by its piece hashes', async () => {
    const node = await startNode()
    await node.ingest.scan()
    const id = node.registry.list()[0]?.stored.infoHash
    await copyFile(path.join(library, 'Film (2020).mp4'), path.join(library, 'Copied.mp4'))
    await unlink(path.join(library, 'Film (2020).mp4'))
    await node.ingest.scan()
    expect(node.registry.list().map(item => [item.stored.relativePath, item.stored.infoHash])).toEqual([['Copied.mp4', id]])
  })

  it('gives a different rip of the same film a new id that carries the old one', async () => {
    const node = await startNode()
    await node.ingest.scan()
    const oldId = node.registry.list()[0]?.stored.infoHash ?? ''
    await unlink(path.join(library, 'Film (2020).mp4'))
    makeFilm(path.join(library, 'Film.2020.720p.WEB.mp4'), 880)
    await node.ingest.scan()
    const items = node.registry.list()
    expect(items).toHaveLength(1)
    expect(items[0]?.stored.infoHash).not.toBe(oldId)
    expect(items[0]?.stored.formerIds).toEqual([oldId])
    expect(node.registry.resolve(oldId)).toBe(items[0])
  })

  it('migrates an item stored as a folder torrent with its subtitle: new single-file id, old id kept as former', async () => {
    const srtPath = path.join(library, 'Film (2020).en.srt')
    await writeFile(srtPath, SRT)
    const mediaPath = path.join(library, 'Film (2020).mp4')
    // What Hearth stored before: a folder torrent `Film (2020)/` holding the film and its subtitle.
    const legacy: Uint8Array = await new Promise((resolve, reject) => {
      createTorrent([mediaPath, srtPath], { name: 'Film (2020)', createdBy: 'Hearth', announceList: [] }, (err, torrent) => err ? reject(err) : resolve(torrent))
    })
    const parsed = await parseTorrent(legacy)
    const cache = await FingerprintCache.open(state, silentLogger)
    await cache.remember({
      relativePath: 'Film (2020).mp4',
      infoHash: parsed.infoHash,
      fingerprints: { 'Film (2020).mp4': fingerprintOf(await stat(mediaPath)), 'Film (2020).en.srt': fingerprintOf(await stat(srtPath)) },
      torrentFiles: [{ torrentPath: 'Film (2020)/Film (2020).mp4', libraryPath: 'Film (2020).mp4' }, { torrentPath: 'Film (2020)/Film (2020).en.srt', libraryPath: 'Film (2020).en.srt' }],
      pieceCount: parsed.pieces?.length ?? 1,
      probe: { durationSec: 1, container: 'mp4', videoCodec: 'avc1', audioCodec: 'mp4a', embeddedTitle: null },
      addedAt: '2026-01-01T00:00:00.000Z'
    }, legacy)
    await cache.flush()
    const node = await startNode()
    await node.ingest.scan()
    const [item] = node.registry.list()
    expect(item?.stored.torrentFiles).toEqual([{ torrentPath: 'Film (2020).mp4', libraryPath: 'Film (2020).mp4' }])
    expect(item?.stored.formerIds).toEqual([parsed.infoHash])
    expect(item?.stored.addedAt).toBe('2026-01-01T00:00:00.000Z')
    expect(item?.subtitles.map(sub => sub.track.language)).toEqual(['en'])
  })

  it('lists AVI, TS, M2TS, WMV and FLV files as needing an edition, and reports skipped files with a reason', async () => {
    for (const name of ['a.avi', 'b.ts', 'c.m2ts', 'd.wmv', 'e.flv']) await writeFile(path.join(library, name), 'x')
    await writeFile(path.join(library, 'f.rmvb'), 'x')
    await writeFile(path.join(library, 'g.mkv.part'), 'x')
    await writeFile(path.join(library, 'poster.jpg'), 'x')
    const result = await scanLibrary(library, { log: silentLogger })
    expect(result.media.map(media => media.relativePath)).toEqual(['a.avi', 'b.ts', 'c.m2ts', 'd.wmv', 'e.flv', 'Film (2020).mp4'])
    expect(result.skipped).toEqual([
      { relativePath: 'f.rmvb', reason: 'unsupported file type .rmvb' },
      { relativePath: 'g.mkv.part', reason: 'still being written (partial download)' }
    ].sort((a, b) => result.skipped.findIndex(s => s.relativePath === a.relativePath) - result.skipped.findIndex(s => s.relativePath === b.relativePath)))
    const node = await startNode()
    await node.ingest.scan()
    expect(node.registry.list().filter(item => item.playable === 'edition')).toHaveLength(5)
    expect(node.ingest.stats.filesSkipped).toBe(2)
  })

  it('logs each skipped file once, with its reason, not on every scan', async () => {
    await writeFile(path.join(library, 'f.rmvb'), 'x')
    const warnings: Array<[string, unknown]> = []
    const log = { ...silentLogger, warn: (event: string, fields?: unknown) => { warnings.push([event, fields]) } }
    const cache = await FingerprintCache.open(state, silentLogger)
    const ingest = new LibraryIngest({ libraryRoot: library, cache, registry: new LibraryRegistry(), seeder: noSeeder, log })
    await ingest.scan()
    await ingest.scan()
    expect(warnings.filter(([event]) => event === 'scan.skipped')).toEqual([['scan.skipped', { path: 'f.rmvb', reason: 'unsupported file type .rmvb' }]])
    expect(ingest.stats.filesSkipped).toBe(1)
  })

  it('matches rips by title and year, or by series, season and episode', () => {
    expect(identityKey('Film (2020).mp4')).toBe(identityKey('Film.2020.1080p.BluRay.x264.mkv'))
    expect(identityKey('Film (2020).mp4')).not.toBe(identityKey('Film (2021).mp4'))
    expect(identityKey('Show - S01E02 - Name.mp4')).toBe(identityKey('Show.S01E02.720p.mkv'))
    expect(identityKey('Show - S01E02.mp4')).not.toBe(identityKey('Show - S01E03.mp4'))
    // A name without a year matches only in its own folder.
    expect(identityKey('A/Home Video.mp4')).toBe(identityKey('A/Home Video 720p.mkv'))
    expect(identityKey('A/Home Video.mp4')).not.toBe(identityKey('B/Home Video.mp4'))
  })
})
