/**
 * A download never overwrites, and never trusts a torrent's sizes. Against a real seed node
 * in-process and a real WebTorrent peer: a magnet whose file name collides with a file in
 * Downloads is refused with HEARTH_E_DOWNLOAD_EXISTS when its metadata arrives, and the file
 * (and the catalog item it is) stays as it was; a .torrent of the same name is refused when
 * added; negative, fractional and absurd lengths are refused with HEARTH_E_BAD_TORRENT.
 */
import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest'
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import bencode from 'bencode'
import type { RunningSeedNode } from '../../seed-node.ts'
import { makeScratchFolder, startScratchSeedNode, type ScratchFolder } from '../../testing/scratch-seed-node.ts'
import type { DownloadView } from '../download-view.ts'
import { api, type ApiMethod, type ApiReply } from '../../testing/seed-node-api.ts'
import { makeTestTorrent, randomFile, rawTorrent, startTestSeeder } from '../../testing/download-test-peer.ts'

let scratch: ScratchFolder
let library: string
let node: RunningSeedNode

beforeAll(async () => {
  scratch = await makeScratchFolder('hearth-overwrite-')
  library = scratch.library
  await mkdir(path.join(library, 'Downloads'), { recursive: true })
  node = await startScratchSeedNode(scratch)
})

afterAll(async () => {
  await node?.close()
  await scratch?.remove()
})

async function call (method: ApiMethod, pathname: string, body?: unknown): Promise<ApiReply> {
  return await api({ url: node.url, credential: node.access.credential }, method, pathname, body)
}

async function waitForState (infoHash: string, states: string[]): Promise<DownloadView> {
  return await vi.waitFor(async () => {
    const list = (await call('GET', '/api/downloads')).json.downloads as DownloadView[]
    const found = list.find(download => download.infoHash === infoHash)
    if (!found || !states.includes(found.state)) throw new Error(`not yet ${states.join('/')}: ${JSON.stringify(found)}`)
    return found
  }, { timeout: 60 * 1000, interval: 100 })
}

const postTorrent = async (torrent: Uint8Array): Promise<ApiReply> => await call('POST', '/api/downloads', { torrentBase64: Buffer.from(torrent).toString('base64') })

describe('downloads never overwrite', () => {
  it('refuses a magnet whose file name exists in Downloads; the file and its item stay as they were', async () => {
    const victim = path.join(library, 'Downloads', 'Victim.mp4')
    const original = Buffer.from('the household\'s own film, not to be replaced '.repeat(1000))
    await writeFile(victim, original)
    const before = await stat(victim)
    await node.ingest.scan()
    const item = node.registry.byRelativePath('Downloads/Victim.mp4')
    expect(item).toBeDefined()

    // A different torrent with the same name, seeded by a real peer, so its metadata arrives.
    const source = path.join(scratch.dir, 'attacker')
    const made = await makeTestTorrent(source, 'Victim.mp4', [randomFile('Victim.mp4', 200 * 1024)])
    // Over HTTP (TCP) only: the metadata is what matters here, and TCP is the steadiest way to it.
    const token = node.access.shareToken(made.infoHash)
    const peer = await startTestSeeder(made.torrent, source, `http://127.0.0.1:${node.port}/announce/${token}`)
    try {
      const added = await call('POST', '/api/downloads', { magnet: `magnet:?xt=urn:btih:${made.infoHash}&dn=Something%20else` })
      expect(added.status).toBe(201)
      const refused = await waitForState(made.infoHash, ['error', 'seeding', 'completed'])
      expect(refused.state).toBe('error')
      expect(refused.error?.code).toBe('HEARTH_E_DOWNLOAD_EXISTS')
      expect(refused.error?.message).toMatch(/Downloads\/Victim\.mp4 already exists/)
    } finally {
      await peer.close()
    }
    expect(Buffer.from(await readFile(victim)).equals(original)).toBe(true)
    expect((await stat(victim)).mtimeMs).toBe(before.mtimeMs)
    expect(await readdir(path.join(library, 'Downloads'))).toEqual(['Victim.mp4'])
    await node.ingest.scan()
    expect(node.registry.byRelativePath('Downloads/Victim.mp4')?.stored.infoHash).toBe(item?.stored.infoHash)
    expect((await call('DELETE', `/api/downloads/${made.infoHash}?deleteData=false`)).status).toBe(200)
    expect(Buffer.from(await readFile(victim)).equals(original)).toBe(true)
  }, 90 * 1000)

  it('refuses a .torrent whose name exists in Downloads: 409, nothing queued', async () => {
    const { status, json } = await postTorrent(rawTorrent('Victim.mp4', null, 1000))
    expect(status).toBe(409)
    expect(json.error).toBe('HEARTH_E_DOWNLOAD_EXISTS')
    expect((await call('GET', '/api/downloads')).json.downloads).toEqual([])
  })
})

/** A torrent whose raw info dictionary says exactly what is given (no consistency fixed up). */
function torrentWithInfo (info: Record<string, unknown>): Uint8Array {
  return bencode.encode({ info: { name: 'Odd.mp4', 'piece length': 16 * 1024, pieces: new Uint8Array(20), ...info } })
}

describe('torrent sizes are checked on the raw info dictionary', () => {
  it.each([
    ['a negative file length', rawTorrent('Neg', [{ path: ['a.mp4'], length: 100 }, { path: ['b.mp4'], length: -50 }])],
    ['a negative single length', torrentWithInfo({ length: -1 })],
    ['a zero size', torrentWithInfo({ length: 0 })],
    ['an absurd length (2^60 bytes)', torrentWithInfo({ length: 2 ** 60 })],
    ['files adding up past 1 PiB', torrentWithInfo({ files: [{ path: ['a.mp4'], length: 2 ** 49 }, { path: ['b.mp4'], length: 2 ** 49 }, { path: ['c.mp4'], length: 2 ** 49 }] })],
    ['a zero piece length', torrentWithInfo({ length: 10, 'piece length': 0 })],
    ['piece hashes that do not match the size', torrentWithInfo({ length: 100 * 1024 })],
    ['a file without a length', bencode.encode({ info: { name: 'NoLen', 'piece length': 16384, pieces: new Uint8Array(20), files: [{ path: ['a.mp4'] }] } })]
  ])('refuses %s: 400 HEARTH_E_BAD_TORRENT, nothing written', async (_why, torrent) => {
    const { status, json } = await postTorrent(torrent)
    expect(status).toBe(400)
    expect(json.error).toBe('HEARTH_E_BAD_TORRENT')
    expect((await call('GET', '/api/downloads')).json.downloads).toEqual([])
    expect(await readdir(path.join(library, 'Downloads'))).toEqual(['Victim.mp4'])
  })
})
