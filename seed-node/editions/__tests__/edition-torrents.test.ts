/**
 * Finished editions travel peer to peer, through a real seed node, the system's ffmpeg and a
 * real WebTorrent client in Node (WebRTC through @roamhq/wrtc, web seeds ignored): the
 * edition's MP4 downloads byte-identical from the seed node; `--editions ahead` makes an
 * edition nobody asked for; an edition evicted from the cache stops being seeded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, stat, truncate, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import WebTorrent from 'webtorrent'
import { EditionReply } from '../../../protocol/api/editions.ts'
import { EditionsStatus } from '../../../protocol/api/status.ts'
import { parseCatalog, type CatalogItem } from '../../../protocol/catalog.ts'
import { api, type ApiTarget } from '../../testing/seed-node-api.ts'
import { makeSubtitledLibrary, SUBTITLED_NAMES } from '../../testing/subtitle-clips.ts'
import { makeStateDir, removeDir, startSeedNodeProcess, type SeedNodeProcess } from '../../testing/seed-node-process.ts'

const run = promisify(execFile)
const GB = 1024 ** 3
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

async function catalogItem (node: ApiTarget, name: string): Promise<CatalogItem> {
  const item = parseCatalog((await api(node, 'GET', '/api/catalog')).json).items.find(candidate => candidate.mediaPath.endsWith(name))
  if (!item) throw new Error(`${name} is not in the catalog`)
  return item
}

/** Asks for the edition until it is finished and seeded as a torrent. */
async function seededEdition (node: ApiTarget, itemId: string): Promise<EditionReply & { torrent: NonNullable<EditionReply['torrent']> }> {
  for (let attempt = 0; attempt < 240; attempt++) {
    const reply = await api(node, 'POST', `/api/editions/${itemId}`, {})
    const parsed = EditionReply.parse(reply.json)
    if (parsed.torrent !== undefined) return { ...parsed, torrent: parsed.torrent }
    await new Promise(resolve => setTimeout(resolve, 500))
  }
  throw new Error('the edition was never seeded as a torrent')
}

async function editionsStatus (node: ApiTarget): Promise<EditionsStatus> {
  return EditionsStatus.parse((await api(node, 'GET', '/api/status')).json.editions)
}

/** Downloads a magnet with a WebTorrent client in this process, over WebRTC only; returns the file's bytes and the wire types. */
async function download (magnet: string): Promise<{ bytes: Uint8Array, wires: string[] }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-edition-peer-'))
  const client = new WebTorrent({ dht: false, lsd: false, utPex: false, natUpnp: false, natPmp: false, webSeeds: false, tracker: { rtcConfig: { iceServers: [] } } })
  client.on('error', () => {})
  try {
    return await new Promise((resolve, reject) => {
      // The WebSocket tracker only: from the classic one the client would dial TCP/uTP first.
      const webrtcOnly = magnet.split('&').filter(part => !/^tr=https?%3A/i.test(part)).join('&')
      const torrent = client.add(webrtcOnly, { path: dir })
      const wires = new Set<string>()
      torrent.on('wire', wire => wires.add(wire.type))
      torrent.on('error', reject)
      torrent.on('done', () => {
        const file = torrent.files[0]
        if (!file) return reject(new Error('the edition torrent holds no file'))
        readFile(path.join(dir, file.path)).then(bytes => resolve({ bytes, wires: [...wires] }), reject)
      })
    })
  } finally {
    await new Promise<void>(resolve => client.destroy(() => resolve()))
    await removeDir(dir)
  }
}

interface ClipsNode { library: string, stateDir: string, node: SeedNodeProcess }

/** A seed-node process over a fresh library of subtitled clips (`seconds` long) and a fresh state folder. */
async function startOverSubtitledClips (seconds: number, args: string[]): Promise<ClipsNode> {
  const library = await makeSubtitledLibrary(seconds)
  const stateDir = await makeStateDir()
  return { library, stateDir, node: await startSeedNodeProcess({ library, stateDir, args }) }
}

async function stopAndRemove ({ library, stateDir, node }: Partial<ClipsNode>): Promise<void> {
  await node?.stop()
  if (stateDir !== undefined) await removeDir(stateDir)
  if (library !== undefined) await removeDir(library)
}

describe('finished editions as torrents', () => {
  let library: string
  let stateDir: string
  let node: SeedNodeProcess

  beforeAll(async () => { ({ library, stateDir, node } = await startOverSubtitledClips(6, ['--editions-max-gb', '1'])) }, 120_000)
  afterAll(async () => { await stopAndRemove({ library, stateDir, node }) })

  it('seeds a finished edition as one MP4 that a WebTorrent client downloads byte-identical over WebRTC', async () => {
    const item = await catalogItem(node, SUBTITLED_NAMES.assAc3Mkv)
    const edition = await seededEdition(node, item.id)
    expect(edition.state).toBe('ready')
    expect(edition.torrent.magnet).toContain(`xt=urn:btih:${edition.torrent.infoHash}`)
    const onDisk = path.join(stateDir, 'editions', item.id, edition.key, 'edition.mp4')
    const expected = await readFile(onDisk)
    expect(edition.torrent.sizeBytes).toBe(expected.length)
    // Never in the library folder: the state folder only.
    expect(path.relative(library, onDisk).startsWith('..')).toBe(true)
    const { bytes, wires } = await download(edition.torrent.magnet)
    expect(sha256(bytes)).toBe(sha256(expected))
    expect(wires).toContain('webrtc')
    // One plain MP4 a browser streams: H.264 copied, the AC-3 converted to AAC, the index first.
    const probe = JSON.parse((await run('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', onDisk])).stdout) as { streams: Array<{ codec_name: string }>, format: { format_name: string, duration: string } }
    expect(probe.streams.map(stream => stream.codec_name)).toEqual(['h264', 'aac'])
    expect(Number(probe.format.duration)).toBeGreaterThan(5)
    expect(expected.subarray(0, 64).includes(Buffer.from('moov'))).toBe(true)
    expect((await editionsStatus(node)).seeding).toBe(1)
  }, 180_000)

  it('stops seeding an edition evicted from the cache', async () => {
    const first = await catalogItem(node, SUBTITLED_NAMES.assAc3Mkv)
    const firstEdition = await seededEdition(node, first.id)
    const webSeed = `${node.url}/webseed/${node.credential}/${firstEdition.torrent.infoHash}/${encodeURIComponent(firstEdition.torrent.fileName)}`
    expect((await fetch(webSeed, { headers: { range: 'bytes=0-15' } })).status).toBe(206)
    // Another finished edition fills the cache past --editions-max-gb 1 (a sparse file: no real disk used).
    const filler = path.join(stateDir, 'editions', 'f'.repeat(40), 'a0-copy')
    await mkdir(filler, { recursive: true })
    await writeFile(path.join(filler, 'seg-00000.m4s'), '')
    await truncate(path.join(filler, 'seg-00000.m4s'), Math.round(1.2 * GB))
    await writeFile(path.join(filler, 'complete'), 'filler')
    // A new edition finishing makes the cache fit its bound again: least recently used first.
    const second = await catalogItem(node, SUBTITLED_NAMES.srtMkv)
    await seededEdition(node, second.id)
    await expect.poll(async () => await stat(path.join(stateDir, 'editions', first.id, firstEdition.key)).then(() => 'kept', () => 'evicted'), { timeout: 30_000 }).toBe('evicted')
    await expect.poll(async () => (await fetch(webSeed, { headers: { range: 'bytes=0-15' } })).status, { timeout: 30_000 }).toBe(404)
    await expect.poll(async () => (await editionsStatus(node)).seeding, { timeout: 30_000 }).toBe(1)
  }, 180_000)
})

describe('--editions ahead', () => {
  let library: string
  let stateDir: string
  let node: SeedNodeProcess

  beforeAll(async () => { ({ library, stateDir, node } = await startOverSubtitledClips(4, ['--editions', 'ahead'])) }, 120_000)
  afterAll(async () => { await stopAndRemove({ library, stateDir, node }) })

  it('makes and seeds an edition for every item that needs one, without any request', async () => {
    // Both clips are MKV (no Safari opens MKV), one with AC-3 audio: both need an edition.
    await expect.poll(async () => (await editionsStatus(node)).ahead?.made, { timeout: 120_000, interval: 1000 }).toBe(2)
    await expect.poll(async () => (await editionsStatus(node)).seeding, { timeout: 60_000, interval: 1000 }).toBe(2)
    const status = await editionsStatus(node)
    expect(status.mode).toBe('ahead')
    expect(status.ahead).toMatchObject({ state: 'idle', remaining: 0, failed: 0, current: null })
    // The first device to ask finds it ready and seeded.
    const item = await catalogItem(node, SUBTITLED_NAMES.assAc3Mkv)
    const reply = EditionReply.parse((await api(node, 'POST', `/api/editions/${item.id}`, {})).json)
    expect(reply.state).toBe('ready')
    expect(reply.torrent?.infoHash).toMatch(/^[0-9a-f]{40}$/)
  }, 200_000)
})
