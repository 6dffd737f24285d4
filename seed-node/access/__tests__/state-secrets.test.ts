/**
 * Secrets at rest. After a run that hashed an item, downloaded a magnet from a real peer and
 * queued a .torrent, the state folder is 0700, the files with secrets are 0600, and not one
 * byte sequence of the household credential sits in any file under it. A state folder left
 * by an older version (0755, stored torrents naming `/announce/<credential>`) is migrated on
 * start, with a log line, and its items are still seeded without hashing.
 */
import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest'
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import bencode from 'bencode'
import parseTorrent from 'parse-torrent'
import { startSeedNode, type RunningSeedNode } from '../../seed-node.ts'
import { createLogger, silentLogger, type Logger } from '../../lib/log.ts'
import { api } from '../../testing/seed-node-api.ts'
import { makeTestTorrent, randomFile, startTestSeeder } from '../../testing/download-test-peer.ts'
import type { DownloadView } from '../../downloads/download-view.ts'

const SAMPLE_FILM = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../sample-library/Films')

let scratch: string
let library: string
let state: string
let credential: string

async function start (log: Logger = silentLogger): Promise<RunningSeedNode> {
  const node = await startSeedNode({ libraryDir: library, stateDir: state, host: '127.0.0.1', port: 0, rescanIntervalSec: 3600 }, log)
  await node.firstScan
  return node
}

/** Every file under `dir`, recursively, with its path. */
async function allFiles (dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter(entry => entry.isFile()).map(entry => path.join(entry.parentPath, entry.name))
}

/** Files under the state folder holding the credential (as text, percent-encoded or base64). */
async function filesWithCredential (): Promise<string[]> {
  const needles = [credential, encodeURIComponent(credential), Buffer.from(credential).toString('base64')].map(text => Buffer.from(text))
  const found: string[] = []
  for (const file of await allFiles(state)) {
    const bytes = await readFile(file)
    if (needles.some(needle => bytes.includes(needle))) found.push(path.relative(state, file))
  }
  return found
}

const modeOf = async (target: string): Promise<string> => ((await stat(target)).mode & 0o777).toString(8)

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'hearth-secrets-'))
  library = path.join(scratch, 'library')
  state = path.join(scratch, 'state')
  await mkdir(library, { recursive: true })
  const film = (await readdir(SAMPLE_FILM)).find(name => name.endsWith('.mp4'))
  if (film === undefined) throw new Error('the sample library has no .mp4 film')
  await copyFile(path.join(SAMPLE_FILM, film), path.join(library, film))
})

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

describe('secrets at rest', () => {
  it('keeps the state folder private and the credential out of every file in it', async () => {
    const node = await start()
    credential = node.access.credential
    const call = async (method: 'GET' | 'POST', pathname: string, body?: unknown) => await api({ url: node.url, credential }, method, pathname, body)
    try {
      const source = path.join(scratch, 'peer')
      const made = await makeTestTorrent(source, 'Brook (2026)', [randomFile('Brook (2026).mp4', 300 * 1024), randomFile('Brook (2026).en.vtt', 64)])
      const token = node.access.shareToken(made.infoHash)
      // Over HTTP (TCP): which transport brings the bytes does not matter here.
      const peer = await startTestSeeder(made.torrent, source, `http://127.0.0.1:${node.port}/announce/${token}`)
      try {
        // A magnet naming the seed node's own tracker, as a household device would copy it.
        const magnet = `magnet:?xt=urn:btih:${made.infoHash}&dn=Brook&tr=${encodeURIComponent(`ws://192.168.1.2:8787/announce/${credential}`)}`
        expect((await call('POST', '/api/downloads', { magnet })).status).toBe(201)
        await vi.waitFor(async () => {
          const list = (await call('GET', '/api/downloads')).json.downloads as DownloadView[]
          if (list.find(download => download.infoHash === made.infoHash)?.state !== 'seeding') throw new Error(JSON.stringify(list))
        }, { timeout: 60 * 1000, interval: 100 })
      } finally {
        await peer.close()
      }
      const queued = await makeTestTorrent(path.join(scratch, 'unseeded'), 'Later.mp4', [randomFile('Later.mp4', 50 * 1024)])
      expect((await call('POST', '/api/downloads', { torrentBase64: Buffer.from(queued.torrent).toString('base64') })).status).toBe(201)
      expect((await call('GET', '/api/catalog')).status).toBe(200)
    } finally {
      await node.close()
    }
    const torrents = await allFiles(state)
    expect(torrents.filter(file => file.includes(`${path.sep}torrents${path.sep}`)).length).toBeGreaterThanOrEqual(2)
    expect(torrents.filter(file => file.includes(`${path.sep}downloads${path.sep}`)).length).toBeGreaterThanOrEqual(2)
    expect(await filesWithCredential()).toEqual([])
    expect(await modeOf(state)).toBe('700')
    for (const name of ['library-key', 'share-secret', 'device-id', 'watch-state.log']) expect([name, await modeOf(path.join(state, name))]).toEqual([name, '600'])
  }, 120 * 1000)

  it('migrates a state folder left by an older version: modes tightened, stored torrents rewritten, logged', async () => {
    // What an older version left: 0755 and 0644, and torrents naming the credential-bearing tracker.
    await chmod(state, 0o755)
    await chmod(path.join(state, 'library-key'), 0o644)
    await chmod(path.join(state, 'share-secret'), 0o644)
    await rm(path.join(state, 'state-format'))
    const tracker = `ws://127.0.0.1:8787/announce/${credential}`
    const infoHashes: string[] = []
    for (const folder of ['torrents', 'downloads']) {
      for (const name of await readdir(path.join(state, folder))) {
        const file = path.join(state, folder, name)
        const decoded = bencode.decode(await readFile(file)) as Record<string, unknown>
        await writeFile(file, bencode.encode({ ...decoded, announce: tracker, 'announce-list': [[tracker]] }), { mode: 0o644 })
        infoHashes.push(name.replace('.torrent', ''))
      }
    }
    expect((await filesWithCredential()).length).toBe(infoHashes.length)

    const lines: string[] = []
    const node = await start(createLogger('info', line => lines.push(line)))
    try {
      expect(node.ingest.stats.piecesHashed).toBe(0)
      expect(node.registry.size).toBeGreaterThanOrEqual(2)
      for (const item of node.registry.list()) expect(node.seeder.isSeeding(item.stored.infoHash)).toBe(true)
    } finally {
      await node.close()
    }
    const secured = lines.find(line => line.includes(' state.secured '))
    expect(secured).toMatch(/folderModeWas=0755 folderMode=0700 filesTightened=2 torrentsRewritten=4 /)
    expect(await filesWithCredential()).toEqual([])
    expect(await modeOf(state)).toBe('700')
    expect(await modeOf(path.join(state, 'library-key'))).toBe('600')
    // Same infohash: the info dictionary was kept byte for byte.
    for (const folder of ['torrents', 'downloads']) {
      for (const name of await readdir(path.join(state, folder))) {
        const parsed = await parseTorrent(await readFile(path.join(state, folder, name)))
        expect(parsed.infoHash).toBe(name.replace('.torrent', ''))
        expect(parsed.announce).toEqual([])
      }
    }
    // A second start has nothing left to migrate and says nothing.
    const again: string[] = []
    await (await start(createLogger('info', line => again.push(line)))).close()
    expect(again.some(line => line.includes(' state.secured '))).toBe(false)
  }, 60 * 1000)
})
