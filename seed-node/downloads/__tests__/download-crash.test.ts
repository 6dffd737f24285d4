/**
 * A download killed half-way: the seed node (a real CLI process) downloads a file that a
 * peer in a classic swarm (its own bittorrent-tracker, as on the internet) seeds slowly, is
 * SIGKILLed in the middle, restarts on the same state folder, checks the pieces it already
 * has, finishes, and the item joins the catalog byte-identical.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { deriveKeys } from '../../../protocol/library-key.ts'
import { parsePairingFragment } from '../../../protocol/pairing-link.ts'
import { parseCatalog } from '../../../protocol/catalog.ts'
import { makeTestTorrent, randomFile, startTestSeeder } from './download-test-peer.ts'
import { Server as TrackerServer } from 'bittorrent-tracker'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const FILE_BYTES = 6 * 1024 * 1024
/** The peer uploads at 1 MiB/s, so the download takes ~6 s and can be killed half-way. */
const PEER_UPLOAD_BYTES_PER_SEC = 1024 * 1024

let scratch: string
let library: string
let stateDir: string

interface Node { child: ChildProcess, url: string, port: number, credential: string, exited: Promise<void> }

async function startNode (port = 0): Promise<Node> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'seed-node/cli.ts'),
    '--library', library, '--state', stateDir, '--host', '127.0.0.1', '--port', String(port), '--rescan-interval', '3600'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString() })
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString() })
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  const deadline = Date.now() + 60 * 1000
  while (!/pair#key=/.test(output)) {
    if (Date.now() > deadline) throw new Error(`seed node did not start:\n${output}`)
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  const link = /(http:\/\/127\.0\.0\.1:(\d+)\/pair#key=[A-Za-z0-9_-]+)/.exec(output)
  if (!link?.[1] || !link[2]) throw new Error(`no pairing link:\n${output}`)
  const credential = (await deriveKeys(parsePairingFragment(new URL(link[1]).hash))).credential
  return { child, url: `http://127.0.0.1:${link[2]}`, port: Number(link[2]), credential, exited }
}

async function api (node: Node, method: string, pathname: string, body?: unknown): Promise<{ status: number, json: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- test reads loosely typed JSON answers
  const res = await fetch(`${node.url}${pathname}`, {
    method,
    headers: { authorization: `Bearer ${node.credential}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  return { status: res.status, json: await res.json() }
}

async function progressOf (node: Node, infoHash: string): Promise<{ state: string, progress: number }> {
  const { json } = await api(node, 'GET', `/api/downloads/${infoHash}`)
  return json as { state: string, progress: number }
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
    let second: Node | null = null
    try {
      const magnet = `magnet:?xt=urn:btih:${made.infoHash}&dn=Slow%20River&${trackers.map(url => `tr=${encodeURIComponent(url)}`).join('&')}`
      const added = await api(first, 'POST', '/api/downloads', { magnet })
      expect(added.status).toBe(201)
      const deadline = Date.now() + 90 * 1000
      let progress = 0
      while (progress < 0.2) {
        if (Date.now() > deadline) throw new Error('the download did not start')
        progress = (await progressOf(first, made.infoHash)).progress
        await new Promise(resolve => setTimeout(resolve, 50))
      }
      first.child.kill('SIGKILL')
      await first.exited
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
      second?.child.kill('SIGTERM')
      await second?.exited
      swarmTracker.close()
    }
  })
})
