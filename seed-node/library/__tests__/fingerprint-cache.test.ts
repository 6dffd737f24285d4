import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { makeScratchFolder, type ScratchFolder } from '../../testing/scratch-seed-node.ts'
import { FingerprintCache } from '../fingerprint-cache.ts'
import { fingerprintOf, sameFingerprint } from '../file-fingerprint.ts'
import { scanLibrary, type ScannedMedia } from '../library-scanner.ts'
import { silentLogger } from '../../lib/log.ts'
import type { StoredItem } from '../stored-item.ts'

const INFO_HASH = 'a'.repeat(40)
/** A whole-second mtime (seconds since the epoch), exact on every file system and through `utimes`. */
const FIXED_MTIME_S = 1_700_000_000
const TORRENT_BYTES = new Uint8Array([100, 52, 58, 105, 110, 102, 111, 100, 101, 101]) // "d4:infodee"

let temp: ScratchFolder
let library: string
let state: string

async function scanOne (relativePath: string): Promise<ScannedMedia> {
  const { media } = await scanLibrary(library, { log: silentLogger })
  const found = media.find(item => item.relativePath === relativePath)
  if (!found) throw new Error(`scan did not find ${relativePath}`)
  return found
}

function storedItemFor (media: ScannedMedia, infoHash = INFO_HASH): StoredItem {
  return {
    relativePath: media.relativePath,
    infoHash,
    fingerprints: { [media.relativePath]: media.fingerprint },
    torrentFiles: [{ torrentPath: path.posix.basename(media.relativePath), libraryPath: media.relativePath }],
    pieceCount: 1,
    probe: { durationSec: 1.5, container: 'MPEG-4', videoCodec: 'avc1', audioCodec: null, embeddedTitle: null },
    addedAt: '2026-01-02T03:04:05.000Z'
  }
}

/** Remembers `media`, flushes, and opens a fresh cache over the same state folder. */
async function rememberAndReopen (media: ScannedMedia): Promise<FingerprintCache> {
  const cache = await FingerprintCache.open(state, silentLogger)
  await cache.remember(storedItemFor(media), TORRENT_BYTES)
  await cache.flush()
  return await FingerprintCache.open(state, silentLogger)
}

beforeEach(async () => {
  temp = await makeScratchFolder('hearth-cache-')
  ;({ library, stateDir: state } = temp)
  await writeFile(path.join(library, 'Film.mp4'), 'film bytes')
  await utimes(path.join(library, 'Film.mp4'), FIXED_MTIME_S, FIXED_MTIME_S)
})

afterEach(async () => {
  await temp.remove()
})

describe('file fingerprints', () => {
  it('hold size, whole-millisecond mtime and inode, and compare on all three', async () => {
    const stats = await stat(path.join(library, 'Film.mp4'))
    const print = fingerprintOf(stats)
    expect(print).toEqual({ sizeBytes: 10, mtimeMs: Math.trunc(stats.mtimeMs), inode: stats.ino })
    expect(sameFingerprint(print, { ...print })).toBe(true)
    expect(sameFingerprint(print, { ...print, sizeBytes: 11 })).toBe(false)
    expect(sameFingerprint(print, { ...print, mtimeMs: print.mtimeMs + 1 })).toBe(false)
    expect(sameFingerprint(print, { ...print, inode: print.inode + 1 })).toBe(false)
  })
})

describe('FingerprintCache', () => {
  it('starts empty on a fresh state folder', async () => {
    const cache = await FingerprintCache.open(state, silentLogger)
    expect(cache.size).toBe(0)
    expect(cache.lookup(await scanOne('Film.mp4'))).toBeUndefined()
  })

  it('after remember + flush, a fresh cache returns the stored item for an unchanged file and its torrent bytes', async () => {
    const media = await scanOne('Film.mp4')
    const reopened = await rememberAndReopen(media)
    expect(reopened.size).toBe(1)
    const rescanned = await scanOne('Film.mp4')
    expect(reopened.lookup(rescanned)).toEqual(storedItemFor(media))
    expect(new Uint8Array(await reopened.readTorrent(INFO_HASH))).toEqual(TORRENT_BYTES)
  })

  it('keeps the torrent file under torrents/<infohash>.torrent', async () => {
    await rememberAndReopen(await scanOne('Film.mp4'))
    expect(await readdir(path.join(state, 'torrents'))).toEqual([`${INFO_HASH}.torrent`])
    const index = JSON.parse(await readFile(path.join(state, 'library-index.json'), 'utf8'))
    expect(index.version).toBe(1)
    expect(index.items).toHaveLength(1)
  })

  it('misses when the size changed', async () => {
    const reopened = await rememberAndReopen(await scanOne('Film.mp4'))
    const filePath = path.join(library, 'Film.mp4')
    const before = await stat(filePath)
    await writeFile(filePath, 'film bytes, longer now')
    await utimes(filePath, FIXED_MTIME_S, FIXED_MTIME_S) // only the size differs
    const changed = await scanOne('Film.mp4')
    expect(changed.fingerprint.mtimeMs).toBe(FIXED_MTIME_S * 1000)
    expect(changed.fingerprint.inode).toBe(before.ino)
    expect(reopened.lookup(changed)).toBeUndefined()
  })

  it('misses when the mtime changed', async () => {
    const reopened = await rememberAndReopen(await scanOne('Film.mp4'))
    const filePath = path.join(library, 'Film.mp4')
    await utimes(filePath, FIXED_MTIME_S + 5, FIXED_MTIME_S + 5)
    expect(reopened.lookup(await scanOne('Film.mp4'))).toBeUndefined()
  })

  it('misses when the file was replaced (new inode, same size and mtime)', async () => {
    const reopened = await rememberAndReopen(await scanOne('Film.mp4'))
    const filePath = path.join(library, 'Film.mp4')
    const before = await stat(filePath)
    // Write the replacement while the original still exists, so it cannot reuse its inode.
    const replacement = path.join(library, 'replacement.tmp')
    await writeFile(replacement, 'film BYTES')
    await utimes(replacement, FIXED_MTIME_S, FIXED_MTIME_S)
    await rename(replacement, filePath)
    const replaced = await scanOne('Film.mp4')
    expect(replaced.fingerprint.sizeBytes).toBe(before.size)
    expect(replaced.fingerprint.mtimeMs).toBe(FIXED_MTIME_S * 1000)
    expect(replaced.fingerprint.inode).not.toBe(before.ino)
    expect(reopened.lookup(replaced)).toBeUndefined()
  })

  // Sidecars are not in the torrent (docs/item-identity.md): the item stays as it was.
  it('still hits when a subtitle was added beside the file', async () => {
    const reopened = await rememberAndReopen(await scanOne('Film.mp4'))
    await writeFile(path.join(library, 'Film.en.vtt'), 'WEBVTT\n')
    const withSubtitle = await scanOne('Film.mp4')
    expect(withSubtitle.subtitles).toHaveLength(1)
    expect(reopened.lookup(withSubtitle)?.infoHash).toBe(INFO_HASH)
  })

  it('still hits when a subtitle was removed', async () => {
    await writeFile(path.join(library, 'Film.en.vtt'), 'WEBVTT\n')
    const withSubtitle = await scanOne('Film.mp4')
    expect(withSubtitle.subtitles).toHaveLength(1)
    const reopened = await rememberAndReopen(withSubtitle)
    expect(reopened.lookup(await scanOne('Film.mp4'))).toEqual(storedItemFor(withSubtitle))
    await rm(path.join(library, 'Film.en.vtt'))
    expect(reopened.lookup(await scanOne('Film.mp4'))?.infoHash).toBe(INFO_HASH)
  })

  it('still hits when a subtitle was swapped for another', async () => {
    await writeFile(path.join(library, 'Film.en.vtt'), 'WEBVTT\n')
    const reopened = await rememberAndReopen(await scanOne('Film.mp4'))
    await rename(path.join(library, 'Film.en.vtt'), path.join(library, 'Film.fr.vtt'))
    expect(reopened.lookup(await scanOne('Film.mp4'))?.infoHash).toBe(INFO_HASH)
  })

  it('forgets an item once flushed', async () => {
    await writeFile(path.join(library, 'Other.mkv'), 'other bytes')
    const cache = await FingerprintCache.open(state, silentLogger)
    await cache.remember(storedItemFor(await scanOne('Film.mp4'), 'b'.repeat(40)), TORRENT_BYTES)
    await cache.remember(storedItemFor(await scanOne('Other.mkv'), 'c'.repeat(40)), TORRENT_BYTES)
    cache.forget('Film.mp4')
    await cache.flush()
    const reopened = await FingerprintCache.open(state, silentLogger)
    expect(reopened.size).toBe(1)
    expect(reopened.lookup(await scanOne('Film.mp4'))).toBeUndefined()
    expect(reopened.lookup(await scanOne('Other.mkv'))?.infoHash).toBe('c'.repeat(40))
  })

  it.each([
    ['not JSON', '{"version": 1, "items": ['],
    ['JSON of the wrong shape', JSON.stringify({ version: 2, items: [] })],
    ['an item with a bad infohash', JSON.stringify({ version: 1, items: [{ relativePath: 'Film.mp4', infoHash: 'xyz' }] })]
  ])('moves a damaged index (%s) aside and starts without it', async (_label, content) => {
    await writeFile(path.join(state, 'library-index.json'), content)
    const warnings: string[] = []
    const log = { ...silentLogger, warn: (event: string) => { warnings.push(event) } }
    const cache = await FingerprintCache.open(state, log)
    expect(cache.size).toBe(0)
    expect(cache.lookup(await scanOne('Film.mp4'))).toBeUndefined()
    const names = await readdir(state)
    expect(names).not.toContain('library-index.json')
    const aside = names.filter(name => /^library-index\.json\.corrupt-\d+$/.test(name))
    expect(aside).toHaveLength(1)
    expect(await readFile(path.join(state, aside[0] ?? ''), 'utf8')).toBe(content)
    expect(warnings).toEqual(['state.index_damaged'])
  })

  it('can be written again after a corrupt index was moved aside', async () => {
    await writeFile(path.join(state, 'library-index.json'), 'garbage')
    const reopened = await rememberAndReopen(await scanOne('Film.mp4'))
    expect(reopened.lookup(await scanOne('Film.mp4'))?.infoHash).toBe(INFO_HASH)
  })

  it('trusts a checksummed snapshot, and reads one without a checksum (an older version\'s) through the schema, then rewrites it once', async () => {
    const media = await scanOne('Film.mp4')
    await writeFile(path.join(state, 'library-index.json'), JSON.stringify({ version: 1, items: [storedItemFor(media)] }))
    const legacy = await FingerprintCache.open(state, silentLogger)
    expect(legacy.lookup(media)).toEqual(storedItemFor(media))
    await legacy.settle()
    expect(legacy.writes.compactions).toBe(1) // replaced by a checksummed snapshot
    const text = await readFile(path.join(state, 'library-index.json'), 'utf8')
    expect(text.split('\n')[0]).toMatch(/^\{"version":1,"itemsSha1":"[0-9a-f]{40}","items":\[$/)
    const trusted = await FingerprintCache.open(state, silentLogger)
    expect(trusted.lookup(media)).toEqual(storedItemFor(media))
    await trusted.settle()
    expect(trusted.writes).toEqual({ journalAppends: 0, torrentWrites: 0, compactions: 0, syncs: 0 })
  })

  it('writes nothing when nothing changed: settle after a restart leaves every state file as it was', async () => {
    const cache = await FingerprintCache.open(state, silentLogger)
    await cache.remember(storedItemFor(await scanOne('Film.mp4')), TORRENT_BYTES)
    await cache.settle()
    expect(cache.writes).toMatchObject({ journalAppends: 1, torrentWrites: 1, compactions: 0, syncs: 1 }) // a journal line, no snapshot
    const before = await stateFiles()
    const reopened = await FingerprintCache.open(state, silentLogger)
    await reopened.settle()
    await reopened.settle()
    expect(reopened.writes).toEqual({ journalAppends: 0, torrentWrites: 0, compactions: 0, syncs: 0 })
    expect(await stateFiles()).toEqual(before)
  })

  it('salvages a torn index: the whole items are kept, the torn one dropped and logged', async () => {
    await writeFile(path.join(library, 'Other.mkv'), 'other bytes')
    await writeFile(path.join(library, 'Third.webm'), 'third bytes')
    const cache = await FingerprintCache.open(state, silentLogger)
    const all = [await scanOne('Film.mp4'), await scanOne('Other.mkv'), await scanOne('Third.webm')]
    for (const [i, media] of all.entries()) await cache.remember(storedItemFor(media, String(i + 1).repeat(40)), TORRENT_BYTES)
    await cache.flush()
    const file = path.join(state, 'library-index.json')
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.slice(0, text.length - 40)) // the last item's line is torn
    const warnings: Array<{ event: string, fields: Record<string, unknown> | undefined }> = []
    const log = { ...silentLogger, warn: (event: string, fields?: Record<string, unknown>) => { warnings.push({ event, fields }) } }
    const reopened = await FingerprintCache.open(state, log)
    expect(reopened.lookup(all[0] as ScannedMedia)?.infoHash).toBe('1'.repeat(40))
    expect(reopened.lookup(all[1] as ScannedMedia)?.infoHash).toBe('2'.repeat(40))
    expect(reopened.lookup(all[2] as ScannedMedia)).toBeUndefined() // hashed again by the next scan
    expect(warnings.map(w => w.event)).toEqual(['state.index_damaged'])
    expect(warnings[0]?.fields).toMatchObject({ itemsKept: 2 })
    expect(String(warnings[0]?.fields?.damage)).toMatch(/not JSON/)
  })

  it('drops only a wrong item of an index, naming it', async () => {
    await writeFile(path.join(library, 'Other.mkv'), 'other bytes')
    const good = storedItemFor(await scanOne('Film.mp4'))
    const wrong = { ...storedItemFor(await scanOne('Other.mkv'), 'c'.repeat(40)), pieceCount: -3 }
    await writeFile(path.join(state, 'library-index.json'), JSON.stringify({ version: 1, items: [good, wrong] }))
    const warnings: Array<{ event: string, fields: Record<string, unknown> | undefined }> = []
    const log = { ...silentLogger, warn: (event: string, fields?: Record<string, unknown>) => { warnings.push({ event, fields }) } }
    const cache = await FingerprintCache.open(state, log)
    expect(cache.size).toBe(1)
    expect(cache.lookup(await scanOne('Film.mp4'))).toEqual(good)
    expect(warnings[0]?.event).toBe('state.index_damaged')
    expect(warnings[0]?.fields).toMatchObject({ itemsKept: 1, itemsDropped: 1 })
    expect(String(warnings[0]?.fields?.dropped)).toMatch(/^Other\.mkv: pieceCount/)
    await cache.settle() // the damaged snapshot is replaced by a whole one
    expect((await FingerprintCache.open(state, silentLogger)).size).toBe(1)
  })

  it('skips a journal line whose checksum does not match', async () => {
    const cache = await FingerprintCache.open(state, silentLogger)
    await cache.remember(storedItemFor(await scanOne('Film.mp4')), TORRENT_BYTES)
    const journal = path.join(state, 'library-index.journal')
    await writeFile(journal, (await readFile(journal, 'utf8')).replace('"pieceCount":1', '"pieceCount":7'))
    const skipped: string[] = []
    const reopened = await FingerprintCache.open(state, { ...silentLogger, warn: (event: string) => { skipped.push(event) } })
    expect(reopened.size).toBe(0)
    expect(skipped).toEqual(['state.journal_lines_skipped'])
  })
})

/** Name, size and mtime of every file in the state folder. */
async function stateFiles (): Promise<Array<{ name: string, size: number, mtimeMs: number }>> {
  const names = (await readdir(state, { recursive: true })).sort()
  return await Promise.all(names.map(async name => {
    const stats = await stat(path.join(state, name))
    return { name, size: stats.size, mtimeMs: stats.mtimeMs }
  }))
}
