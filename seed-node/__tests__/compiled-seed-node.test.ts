/**
 * The compiled seed node (`npm run build` → dist-node/, run with plain `node` as `npm start`
 * runs it): it serves the sample library with no TypeScript loader in the process or its
 * hashing thread, and loads WebRTC only once a WebRTC peer has connected (the `webrtc`
 * counters of `/api/status`). Needs `npm run build` first (npm test builds before testing).
 */
import { access, readFile } from 'node:fs/promises'
import path from 'node:path'
import WebTorrent from 'webtorrent'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCatalog } from '../../protocol/catalog.ts'
import { StatusReply } from '../../protocol/api/status.ts'
import { api } from '../testing/seed-node-api.ts'
import { COMPILED_NODE_FLAGS, COMPILED_SEED_NODE } from '../testing/compiled-seed-node.ts'
import { makeStateDir, removeDir, REPO_ROOT, startSeedNodeProcess, type SeedNodeProcess } from '../testing/seed-node-process.ts'

const PEER_TIMEOUT_MS = 30 * 1000
const POLL_INTERVAL_MS = 100

let stateDir: string
let node: SeedNodeProcess

async function fullStatus (): Promise<StatusReply> {
  const reply = await api(node, 'GET', '/api/status')
  expect(reply.status).toBe(200)
  return StatusReply.parse(reply.json)
}

/** Asks until `holds` is true of the status; fails with the last status after `timeoutMs`. */
async function statusWhen (holds: (status: StatusReply) => boolean, timeoutMs: number): Promise<StatusReply> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const status = await fullStatus()
    if (holds(status)) return status
    if (Date.now() > deadline) throw new Error(`status never matched: ${JSON.stringify(status.webrtc)} ${JSON.stringify(status.seeder)}`)
    await new Promise(resolve => setTimeout(resolve, POLL_INTERVAL_MS))
  }
}

/** The files a process has mapped (its shared libraries: a native addon shows up here). */
async function mappedFiles (pid: number): Promise<string[]> {
  const maps = await readFile(`/proc/${pid}/maps`, 'utf8')
  return [...new Set(maps.split('\n').map(line => line.split(/\s+/)[5] ?? '').filter(file => file.startsWith('/')))]
}

beforeAll(async () => {
  await access(path.join(REPO_ROOT, COMPILED_SEED_NODE)).catch(() => {
    throw new Error(`${COMPILED_SEED_NODE} is missing: run \`npm run build\` first`)
  })
  stateDir = await makeStateDir()
  node = await startSeedNodeProcess({ stateDir, compiled: true })
})

afterAll(async () => {
  await node?.stop()
  await removeDir(stateDir)
})

describe('the compiled seed node', () => {
  it('runs plain JavaScript: no TypeScript loader in its flags, environment or status', async () => {
    const pid = node.cli.launched.child.pid ?? 0
    const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter(Boolean)
    expect(argv.slice(1, 1 + COMPILED_NODE_FLAGS.length)).toEqual([...COMPILED_NODE_FLAGS])
    expect(argv[1 + COMPILED_NODE_FLAGS.length]).toBe(path.join(REPO_ROOT, COMPILED_SEED_NODE))
    expect(argv.join(' ')).not.toMatch(/tsx|--import|--loader|--require/)
    const environ = (await readFile(`/proc/${pid}/environ`, 'utf8')).split('\0')
    expect(environ.filter(entry => entry.startsWith('NODE_OPTIONS=')).join(' ')).not.toMatch(/tsx|--import|--loader/)

    const { runtime } = await fullStatus()
    expect(runtime.compiled).toBe(true)
    expect(runtime.typeScriptLoader).toBe(false)
    expect(runtime.execArgv).toEqual([...COMPILED_NODE_FLAGS])
  })

  it('serves the sample library, hashed in its compiled hashing thread', async () => {
    const reply = await api(node, 'GET', '/api/catalog')
    expect(reply.status).toBe(200)
    expect(parseCatalog(reply.json).items).toHaveLength(3)
    const status = await fullStatus()
    expect(status.ingest?.itemsHashed).toBe(3)
    // The process set V8's small-heap flags itself and gave the scan's garbage back (seed-node/lib/heap-trim.ts).
    // The trim follows the first scan's artwork pruning: it may come a moment after the scan is reported.
    await expect.poll(async () => (await fullStatus()).runtime.heapTrims).toBeGreaterThanOrEqual(1)
    // A thread that could not start (e.g. a missing compiled worker) falls back to the main thread, and says so.
    expect(node.output()).not.toContain('ingest.hash_threads_unavailable')
  })
})

describe('WebRTC, loaded when the first WebRTC peer appears', () => {
  it('is not loaded while no WebRTC peer has connected', async () => {
    const { webrtc, seeder } = await fullStatus()
    expect(seeder?.webrtcPeers).toBe(0)
    expect(webrtc).toMatchObject({ state: 'not-loaded', loaded: false, reason: null })
    expect((await mappedFiles(node.cli.launched.child.pid ?? 0)).filter(file => file.includes('wrtc'))).toEqual([])
  })

  it('is loaded once a WebRTC peer has connected', async () => {
    const items = parseCatalog((await api(node, 'GET', '/api/catalog')).json).items
    const item = items[0]
    if (!item) throw new Error('the catalog is empty')
    const client = new WebTorrent({ dht: false, lsd: false, utPex: false, natUpnp: false, natPmp: false, webSeeds: false, tracker: { rtcConfig: { iceServers: [] } } })
    client.on('error', () => {})
    try {
      client.add(item.magnet, { path: stateDir + '-peer' })
      const status = await statusWhen(s => (s.seeder?.webrtcPeers ?? 0) > 0, PEER_TIMEOUT_MS)
      expect(status.webrtc).toMatchObject({ state: 'loaded', loaded: true, reason: null })
      expect(status.webrtc.peerConnections.live).toBeGreaterThan(0)
      expect(node.output().match(/webrtc\.loaded/g)).toHaveLength(1)
    } finally {
      await new Promise<void>(resolve => client.destroy(() => resolve()))
      await removeDir(stateDir + '-peer')
    }
  })
})
