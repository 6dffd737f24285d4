/**
 * A download killed half-way: the seed node (a real CLI process) downloads a file that a
 * peer in a classic swarm (its own bittorrent-tracker, as on the internet) seeds slowly, is
 * SIGKILLed in the middle, restarts on the same state folder, checks the pieces it already
 * has, finishes, and the item joins the catalog byte-identical.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseCatalog } from '../../../protocol/catalog.ts'
import { makeTestTorrent, randomFile, startTestSeeder } from '../../testing/download-test-peer.ts'
import { api } from '../../testing/seed-node-api.ts'
import { startSeedNodeProcess, type SeedNodeProcess } from '../../testing/seed-node-process.ts'
import { Server as TrackerServer } from 'bittorrent-tracker'

const FILE_BYTES = 6 * 1024 * 1024
/** The peer uploads at 1 MiB/s, so the download takes ~6 s and can be killed half-way. */
const PEER_UPLOAD_BYTES_PER_SEC = 1024 * 1024
/** How often the test reads the download's progress while waiting to kill the node half-way. */
const PROGRESS_POLL_INTERVAL_MS = 50

let scratch: string
let library: string
let stateDir: string

async function startNode (port = 0): Promise<SeedNodeProcess> {
  return await startSeedNodeProcess({ library, stateDir, port, args: ['--rescan-interval', '3600'] })
}

async function progressOf (node: SeedNodeProcess, infoHash: string): Promise<{ state: unknown, progress: number }> {
  const { json } = await api(node, 'GET', `/api/downloads/${infoHash}`)
  return { state: json.state, progress: typeof json.progress === 'number' ? json.progress : 0 }
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'hearth-download-crash-'))
  library = path.join(scratch, 'library')
  stateDir = path.join(scratch, 'state')
  await mkdir(library)
})

afterAll(async () => { await rm(scratch, { recursive: true, force: true }) })

describe('a download killed half-way', () => {
  it('continues after a restart and joins the catalog byte-identical', { timeout: 180 * 1000 }, async () => {
    const source = path.join(scratch, 'peer')
    const made = await makeTestTorrent(source, 'Slow River (2026).mp4', [randomFile('Slow River (2026).mp4', FILE_BYTES)])
    const original = await readFile(path.join(source, 'Slow River (2026).mp4'))

    const swarmTracker = new TrackerServer({ udp: false, stats: false })
    await new Promise<void>(resolve => (swarmTracker as unknown as { listen: (port: number, host: string, cb: () => void) => void }).listen(0, '127.0.0.1', resolve))
    const trackerPort = ((swarmTracker as unknown as { http: { address: () => { port: number } } }).http.address()).port
    const trackers = [`http://127.0.0.1:${trackerPort}/announce`, `ws://127.0.0.1:${trackerPort}`]
    const peer = await startTestSeeder(made.torrent, source, trackers, PEER_UPLOAD_BYTES_PER_SEC)
    const first = await startNode()
    let second: SeedNodeProcess | null = null
    try {
      const magnet = `magnet:?xt=urn:btih:${made.infoHash}&dn=Slow%20River&${trackers.map(url => `tr=${encodeURIComponent(url)}`).join('&')}`
      const added = await api(first, 'POST', '/api/downloads', { magnet })
      expect(added.status).toBe(201)
      let progress = 0
      await expect.poll(async () => (progress = (await progressOf(first, made.infoHash)).progress), { timeout: 90 * 1000, interval: PROGRESS_POLL_INTERVAL_MS }).toBeGreaterThanOrEqual(0.2)
      await first.kill()
      expect(progress).toBeLessThan(1)

      second = await startNode(first.port)
      const restartedNode = second
      await expect.poll(async () => (await progressOf(restartedNode, made.infoHash)).state, { timeout: 120 * 1000, interval: 250 }).toBe('seeding')
      const downloaded = await readFile(path.join(library, 'Downloads', 'Slow River (2026).mp4'))
      expect(Buffer.from(downloaded).equals(Buffer.from(original))).toBe(true)
      const { json: catalog } = await api(second, 'GET', '/api/catalog')
      expect(parseCatalog(catalog).items.map(item => item.id)).toContain(made.infoHash)
    } finally {
      await peer.close()
      await second?.stop()
      swarmTracker.close()
    }
  })
})
