/**
 * The download queue against a real seed node started in-process on 127.0.0.1 and a real
 * WebTorrent client seeding generated files: a magnet is downloaded through the API, joins
 * the catalog byte-identical and seeded with no piece hashed; hostile .torrent names and
 * bad magnets are refused with nothing written; pause, resume, remove; the queue survives
 * a restart.
 */
import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startSeedNode, type RunningSeedNode } from '../../seed-node.ts'
import { silentLogger } from '../../lib/log.ts'
import { parseCatalog } from '../../../protocol/catalog.ts'
import type { DownloadView } from '../download-view.ts'
import { api, type ApiMethod, type ApiReply } from '../../testing/seed-node-api.ts'
import { makeTestTorrent, randomFile, rawTorrent, startTestSeeder } from '../../testing/download-test-peer.ts'

let scratch: string
let library: string
let state: string
let node: RunningSeedNode

async function start (): Promise<void> {
  node = await startSeedNode({ libraryDir: library, stateDir: state, host: '127.0.0.1', port: 0, rescanIntervalSec: 3600, maxActiveDownloads: 1 }, silentLogger)
  await node.firstScan
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'hearth-downloads-'))
  library = path.join(scratch, 'library')
  state = path.join(scratch, 'state')
  await mkdir(library, { recursive: true })
  await start()
})

afterAll(async () => {
  await node?.close()
  await rm(scratch, { recursive: true, force: true })
})

/** The in-process node as the shared API helper's target. */
async function call (method: ApiMethod, pathname: string, body?: unknown): Promise<ApiReply> {
  return await api({ url: node.url, credential: node.access.credential }, method, pathname, body)
}

async function downloads (): Promise<DownloadView[]> {
  const { status, json } = await call('GET', '/api/downloads')
  expect(status).toBe(200)
  expect(Array.isArray(json.downloads)).toBe(true)
  // The route serialises DownloadView; each test checks the fields it reads.
  return json.downloads as DownloadView[]
}

/** Polls the queue (every 100 ms, bounded) until the download is in one of `states`. */
async function waitFor (infoHash: string, states: string[], timeoutMs = 60 * 1000): Promise<DownloadView> {
  return await vi.waitFor(async () => {
    const found = (await downloads()).find(download => download.infoHash === infoHash)
    if (!found || !states.includes(found.state)) throw new Error(`download ${infoHash} has not reached ${states.join('/')}: ${JSON.stringify(found)}`)
    return found
  }, { timeout: timeoutMs, interval: 100 })
}

const downloadsDir = (): string => path.join(library, 'Downloads')
const listDownloads = async (): Promise<string[]> => existsSync(downloadsDir()) ? await readdir(downloadsDir(), { recursive: true }) as string[] : []

describe('download queue: refusals', () => {
  it.each([
    ['not a magnet', 'https://example.org/film.torrent'],
    ['no infohash', 'magnet:?dn=film'],
    ['short infohash', 'magnet:?xt=urn:btih:abcdef'],
    ['two infohashes', `magnet:?xt=urn:btih:${'a'.repeat(40)}&xt=urn:btih:${'b'.repeat(40)}`],
    ['file tracker', `magnet:?xt=urn:btih:${'a'.repeat(40)}&tr=file%3A%2F%2F%2Fetc%2Fpasswd`],
    ['bad escape', `magnet:?xt=urn:btih:${'a'.repeat(40)}&dn=%E0%A4%A`],
    ['too long', `magnet:?xt=urn:btih:${'a'.repeat(40)}&dn=${'x'.repeat(9000)}`]
  ])('refuses a bad magnet (%s) with 400 HEARTH_E_BAD_MAGNET', async (_why, magnet) => {
    const { status, json } = await call('POST', '/api/downloads', { magnet })
    expect(status).toBe(400)
    expect(json.error).toBe('HEARTH_E_BAD_MAGNET')
    expect(json.message).toMatch(/magnet link does not work/)
  })

  it('refuses bodies that are not one of the two shapes, and unknown downloads', async () => {
    expect((await call('POST', '/api/downloads', '{"magnet":')).json.error).toBe('HEARTH_E_BAD_REQUEST')
    expect((await call('POST', '/api/downloads', { magnet: 'magnet:?', torrentBase64: 'ZA==' })).status).toBe(400)
    expect((await call('POST', '/api/downloads', { torrentBase64: 'not base64 !!' })).json.error).toBe('HEARTH_E_BAD_TORRENT')
    expect((await call('POST', '/api/downloads', { torrentBase64: Buffer.from('d4:infoi1ee').toString('base64') })).json.error).toBe('HEARTH_E_BAD_TORRENT')
    expect(await call('POST', '/api/downloads', 'x'.repeat(7 * 1024 * 1024))).toMatchObject({ status: 413, json: { error: 'HEARTH_E_BODY_TOO_LARGE' } })
    expect((await call('POST', `/api/downloads/${'c'.repeat(40)}/pause`)).status).toBe(404)
    expect((await call('POST', '/api/downloads/nothex/pause')).json.error).toBe('HEARTH_E_BAD_INFOHASH')
    expect((await call('DELETE', `/api/downloads/${'c'.repeat(40)}?deleteData=maybe`)).status).toBe(400)
    const anonymous = await fetch(`${node.url}/api/downloads`)
    expect(anonymous.status).toBe(401)
  })

  it.each([
    ['a parent-folder escape', rawTorrent('..', [{ path: ['etc', 'passwd'], length: 10 }])],
    ['a nested escape', rawTorrent('Film', [{ path: ['..', '..', 'evil.mp4'], length: 10 }])],
    ['an absolute-looking name', rawTorrent('/etc/passwd', null)],
    ['a NUL byte', rawTorrent('film\u0000.mp4', null)],
    ['a reserved name', rawTorrent('Film', [{ path: ['CON'], length: 10 }])]
  ])('refuses a .torrent with %s: 400 HEARTH_E_UNSAFE_PATH, nothing written', async (_why, torrent) => {
    const { status, json } = await call('POST', '/api/downloads', { torrentBase64: Buffer.from(torrent).toString('base64') })
    expect(status).toBe(400)
    expect(json.error).toBe('HEARTH_E_UNSAFE_PATH')
    expect(await listDownloads()).toEqual([])
    expect(await downloads()).toEqual([])
    expect(existsSync(path.join(state, 'downloads'))).toBe(false)
  })

  it('refuses to start a download the disk cannot hold: error HEARTH_E_DISK_FULL', async () => {
    const huge = rawTorrent('Huge.mkv', null, 2 ** 45, 2 ** 30) // 32 TiB in 1 GiB pieces
    const { status, json } = await call('POST', '/api/downloads', { torrentBase64: Buffer.from(huge).toString('base64') })
    expect(status).toBe(201)
    const failed = await waitFor(String(json.infoHash), ['error'])
    expect(failed.error?.code).toBe('HEARTH_E_DISK_FULL')
    expect(failed.error?.message).toMatch(/not enough free space/)
    expect((await call('DELETE', `/api/downloads/${json.infoHash}?deleteData=true`)).status).toBe(200)
  })
})

describe('download queue: pause, resume, remove, concurrency', () => {
  it('runs one download at a time (maxActiveDownloads 1), pauses, resumes, and deletes only its own files', async () => {
    const source = path.join(scratch, 'unseeded')
    const first = await makeTestTorrent(source, 'Nobody Seeds This (2026).mp4', [randomFile('Nobody Seeds This (2026).mp4', 300 * 1024)])
    const second = await makeTestTorrent(source, 'Nor This', [randomFile('Nor This.webm', 200 * 1024), randomFile('Nor This.en.vtt', 100)])
    await mkdir(downloadsDir(), { recursive: true })
    await writeFile(path.join(downloadsDir(), 'bystander.txt'), 'not the queue\'s')

    for (const made of [first, second]) {
      const { status } = await call('POST', '/api/downloads', { torrentBase64: Buffer.from(made.torrent).toString('base64') })
      expect(status).toBe(201)
    }
    expect((await call('POST', '/api/downloads', { torrentBase64: Buffer.from(first.torrent).toString('base64') })).json.error).toBe('HEARTH_E_DOWNLOAD_EXISTS')
    await waitFor(first.infoHash, ['downloading'])
    expect((await downloads()).find(d => d.infoHash === second.infoHash)?.state).toBe('queued')

    expect((await call('POST', `/api/downloads/${first.infoHash}/pause`)).json.state).toBe('paused')
    await waitFor(second.infoHash, ['downloading'])
    expect((await call('POST', `/api/downloads/${first.infoHash}/resume`)).json.state).toBe('queued')

    const kept = await call('DELETE', `/api/downloads/${second.infoHash}?deleteData=false`)
    expect(kept.status).toBe(200)
    await waitFor(first.infoHash, ['downloading'])
    const deleted = await call('DELETE', `/api/downloads/${first.infoHash}?deleteData=true`)
    expect(deleted.json).toMatchObject({ infoHash: first.infoHash, deletedFiles: 1 })
    expect(await downloads()).toEqual([])
    const left = await listDownloads()
    expect(left).toContain('bystander.txt')
    expect(left).not.toContain('Nobody Seeds This (2026).mp4')
    // Unfinished data kept on removal is set aside where the scanner never ingests it.
    if (left.some(name => name.startsWith('Nor This'))) expect(left).toContain('Nor This.part')
    await node.ingest.scan()
    expect(node.registry.size).toBe(0)
  })
})

describe('download queue: a real download', () => {
  let infoHash: string
  let original: Uint8Array

  it('downloads a magnet from another peer; it joins the catalog byte-identical and is seeded without hashing', async () => {
    const source = path.join(scratch, 'peer')
    const made = await makeTestTorrent(source, 'Meadow at Noon (2026)', [
      randomFile('Meadow at Noon (2026).mp4', 3 * 1024 * 1024 + 123),
      randomFile('Meadow at Noon (2026).en.vtt', 64),
      randomFile('Sample.mp4', 100 * 1024),
      randomFile('info.nfo', 300)
    ])
    infoHash = made.infoHash
    original = await readFile(path.join(source, 'Meadow at Noon (2026)', 'Meadow at Noon (2026).mp4'))
    // Over WebSocket (WebRTC) and HTTP (TCP), as a peer in a mixed swarm: two ways to be found.
    const token = node.access.shareToken(infoHash)
    const peer = await startTestSeeder(made.torrent, source, [`ws://127.0.0.1:${node.port}/announce/${token}`, `http://127.0.0.1:${node.port}/announce/${token}`])
    try {
      const hashedBefore = node.ingest.stats.piecesHashed
      const { status, json } = await call('POST', '/api/downloads', { magnet: `magnet:?xt=urn:btih:${infoHash}&dn=Meadow` })
      expect(status).toBe(201)
      expect(json).toMatchObject({ infoHash, state: 'downloading' })
      const done = await waitFor(infoHash, ['seeding', 'completed', 'error'])
      expect(done).toMatchObject({ state: 'seeding', progress: 1, itemId: infoHash, name: 'Meadow at Noon (2026)', error: null })
      expect(node.ingest.stats.piecesHashed).toBe(hashedBefore)
      expect(node.seeder.isSeeding(infoHash)).toBe(true)

      const downloaded = await readFile(path.join(downloadsDir(), 'Meadow at Noon (2026)', 'Meadow at Noon (2026).mp4'))
      expect(Buffer.from(downloaded).equals(Buffer.from(original))).toBe(true)
      const res = await fetch(`${node.url}/api/catalog`, { headers: { authorization: `Bearer ${node.access.credential}` } })
      const item = parseCatalog(await res.json()).items.find(candidate => candidate.id === infoHash)
      expect(item).toMatchObject({ mediaPath: 'Meadow at Noon (2026)/Meadow at Noon (2026).mp4', sizeBytes: original.length })
      expect(item?.subtitles.map(sub => sub.language)).toEqual(['en'])

      // A rescan reuses the item; the release's sample is hidden, never an item (docs/metadata.md).
      await node.ingest.scan()
      expect(node.registry.get(infoHash)?.availability).toBe('online')
      expect(node.registry.byRelativePath('Downloads/Meadow at Noon (2026)/Sample.mp4')).toBeUndefined()
    } finally {
      await peer.close()
    }
  }, 90 * 1000)

  it('serves the downloaded bytes to another peer from the library files', async () => {
    const fetchDir = path.join(scratch, 'fetcher')
    const torrentFile = await readFile(path.join(state, 'downloads', `${infoHash}.torrent`))
    const fetcher = await startTestSeeder(torrentFile, fetchDir, `ws://127.0.0.1:${node.port}/announce/${node.access.shareToken(infoHash)}`)
    try {
      const copy = await readFile(path.join(fetchDir, 'Meadow at Noon (2026)', 'Meadow at Noon (2026).mp4'))
      expect(Buffer.from(copy).equals(Buffer.from(original))).toBe(true)
    } finally {
      await fetcher.close()
    }
  }, 60 * 1000)

  it('survives a restart: the queue is kept, a paused download stays paused, nothing is hashed', async () => {
    const source = path.join(scratch, 'unseeded-2')
    const waiting = await makeTestTorrent(source, 'Later (2026).mp4', [randomFile('Later (2026).mp4', 100 * 1024)])
    await call('POST', '/api/downloads', { torrentBase64: Buffer.from(waiting.torrent).toString('base64') })
    await call('POST', `/api/downloads/${waiting.infoHash}/pause`)
    await node.close()
    await start()
    const after = await downloads()
    expect(after.map(d => [d.infoHash, d.state])).toEqual([[infoHash, 'seeding'], [waiting.infoHash, 'paused']])
    expect(node.ingest.stats.piecesHashed).toBe(0)
    expect(node.registry.get(infoHash)?.availability).toBe('online')
    expect((await call('POST', `/api/downloads/${waiting.infoHash}/resume`)).json.state).toBe('downloading')
    await call('DELETE', `/api/downloads/${waiting.infoHash}?deleteData=true`)

    // Removing the finished download with its data takes it out of the library.
    const removed = await call('DELETE', `/api/downloads/${infoHash}?deleteData=true`)
    expect(removed.json.deletedFiles).toBe(4)
    expect(node.registry.get(infoHash)).toBeUndefined()
    expect(existsSync(path.join(downloadsDir(), 'Meadow at Noon (2026)'))).toBe(false)
  }, 30 * 1000)
})
