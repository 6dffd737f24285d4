/**
 * Private by default: every endpoint of a real seed node (catalog API, web seed, tracker
 * over HTTP and WebSocket) refuses callers without the household credential (401) or
 * with a wrong one (403); share tokens open exactly one item; bans come after repeated
 * wrong credentials, per address, are logged, and lift after the ban time.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import WebSocket from 'ws'
import { startSeedNode, type RunningSeedNode } from '../../seed-node.ts'
import { createLogger, type LogLevel } from '../../lib/log.ts'

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../sample-library')
const WRONG = 'x'.repeat(43)

let scratch: string
let node: RunningSeedNode
const logLines: string[] = []
let mp4Id: string
let webmId: string
let mp4Path: string

function bearer (token: string): RequestInit {
  return { headers: { authorization: `Bearer ${token}` } }
}

/** Resolves with the HTTP status a WebSocket upgrade got (101 when accepted). */
function upgradeStatus (url: string): Promise<number> {
  return new Promise(resolve => {
    const socket = new WebSocket(url)
    socket.once('open', () => { socket.close(); resolve(101) })
    socket.once('unexpected-response', (_req, res) => { resolve(res.statusCode ?? 0); socket.terminate() })
    socket.once('error', () => resolve(0))
  })
}

function announceQuery (infoHash: string): string {
  const binary = Buffer.from(infoHash, 'hex')
  const escaped = [...binary].map(byte => `%${byte.toString(16).padStart(2, '0')}`).join('')
  return `?info_hash=${escaped}&peer_id=-TR3000-abcdefghijkl&port=51413&uploaded=0&downloaded=0&left=100&compact=1`
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'hearth-access-'))
  const log = createLogger('info', (line: string, _level: LogLevel) => { logLines.push(line) })
  // Bans are tested on a node of their own (below): here, wrong credentials must not add up to one.
  node = await startSeedNode({ libraryDir: SAMPLES, stateDir: path.join(scratch, 'state'), host: '127.0.0.1', port: 0, banMaxRetry: 100 }, log)
  await node.firstScan
  const items = node.registry.list()
  const mp4 = items.find(item => item.mediaTorrentPath.endsWith('Dusk (2026).mp4'))
  const webm = items.find(item => item.mediaTorrentPath.endsWith('.webm'))
  if (!mp4 || !webm) throw new Error('sample items missing')
  mp4Id = mp4.stored.infoHash
  webmId = webm.stored.infoHash
  mp4Path = encodeURIComponent(mp4.mediaTorrentPath)
})

afterAll(async () => {
  await node?.close()
  await rm(scratch, { recursive: true, force: true })
})

describe('household access', () => {
  it('catalog API: 401 without a credential, 403 with a wrong one, 200 with the household one', async () => {
    expect((await fetch(`${node.url}/api/catalog`)).status).toBe(401)
    expect((await fetch(`${node.url}/api/catalog`, bearer(WRONG))).status).toBe(403)
    expect((await fetch(`${node.url}/api/status`)).status).toBe(401)
    expect((await fetch(`${node.url}/api/catalog`, bearer(node.access.credential))).status).toBe(200)
    // A share token is for one item's swarm and web seed, never the API.
    expect((await fetch(`${node.url}/api/catalog`, bearer(node.access.shareToken(mp4Id)))).status).toBe(403)
  })

  it('web seed: 401 without a token, 403 with a wrong one or another item\'s share token, 206 with the right ones', async () => {
    const range = { headers: { range: 'bytes=0-99' } }
    expect((await fetch(`${node.url}/webseed/${mp4Id}/${mp4Path}`, range)).status).toBe(401)
    expect((await fetch(`${node.url}/webseed/${WRONG}/${mp4Id}/${mp4Path}`, range)).status).toBe(403)
    expect((await fetch(`${node.url}/webseed/${node.access.shareToken(webmId)}/${mp4Id}/${mp4Path}`, range)).status).toBe(403)
    expect((await fetch(`${node.url}/webseed/${node.access.shareToken(mp4Id)}/${mp4Id}/${mp4Path}`, range)).status).toBe(206)
    expect((await fetch(`${node.url}/webseed/${node.access.credential}/${mp4Id}/${mp4Path}`, range)).status).toBe(206)
  })

  it('tracker over HTTP: 401 / 403, and a share token announces its own item only', async () => {
    expect((await fetch(`${node.url}/announce${announceQuery(mp4Id)}`)).status).toBe(401)
    expect((await fetch(`${node.url}/announce/${WRONG}${announceQuery(mp4Id)}`)).status).toBe(403)
    const own = await fetch(`${node.url}/announce/${node.access.shareToken(mp4Id)}${announceQuery(mp4Id)}`)
    expect(own.status).toBe(200)
    expect(Buffer.from(await own.arrayBuffer()).toString('latin1')).toContain('8:interval')
    const other = await fetch(`${node.url}/announce/${node.access.shareToken(mp4Id)}${announceQuery(webmId)}`)
    expect(Buffer.from(await other.arrayBuffer()).toString('latin1')).toContain('failure reason')
  })

  it('tracker over WebSocket: the upgrade is refused with 401 / 403 before it is accepted', async () => {
    const ws = node.url.replace('http:', 'ws:')
    expect(await upgradeStatus(`${ws}/announce`)).toBe(401)
    expect(await upgradeStatus(`${ws}/announce/${WRONG}`)).toBe(403)
    expect(await upgradeStatus(`${ws}/announce/${node.access.credential}`)).toBe(101)
  })

  it('Stop sharing kills every share link at once', async () => {
    const share = await fetch(`${node.url}/api/share/${mp4Id}`, bearer(node.access.credential))
    const { magnet } = await share.json() as { magnet: string }
    const token = /announce%2F([^&]+)/.exec(magnet)?.[1] ?? ''
    expect(decodeURIComponent(token)).toBe(node.access.shareToken(mp4Id))
    const ws = node.url.replace('http:', 'ws:')
    expect(await upgradeStatus(`${ws}/announce/${decodeURIComponent(token)}`)).toBe(101)

    const rotate = await fetch(`${node.url}/api/share/rotate`, { method: 'POST', ...bearer(node.access.credential) })
    expect(rotate.status).toBe(200)
    expect(await upgradeStatus(`${ws}/announce/${decodeURIComponent(token)}`)).toBe(403)
    expect(node.access.shareToken(mp4Id)).not.toBe(decodeURIComponent(token))
  })
})

describe('fail2ban', () => {
  let banNode: RunningSeedNode
  const banLog: string[] = []

  beforeAll(async () => {
    const log = createLogger('info', (line: string, _level: LogLevel) => { banLog.push(line) })
    banNode = await startSeedNode({ libraryDir: SAMPLES, stateDir: path.join(scratch, 'ban-state'), host: '127.0.0.1', port: 0, banMaxRetry: 3, banFindTimeSec: 60, banTimeSec: 1 }, log)
    await banNode.firstScan
  })

  afterAll(async () => { await banNode?.close() })

  it('bans an address after repeated wrong credentials on any endpoint, logs it, and lifts the ban after the ban time', async () => {
    const node = banNode
    const ws = node.url.replace('http:', 'ws:')
    expect((await fetch(`${node.url}/api/catalog`, bearer(WRONG))).status).toBe(403)
    expect(await upgradeStatus(`${ws}/announce/${WRONG}`)).toBe(403)
    expect((await fetch(`${node.url}/webseed/${WRONG}/${mp4Id}/${mp4Path}`)).status).toBe(403) // third strike: banned

    const banned = await fetch(`${node.url}/api/catalog`, bearer(WRONG))
    expect(banned.status).toBe(403)
    expect(await banned.json()).toMatchObject({ message: expect.stringMatching(/banned .* until/) })
    expect(banLog.some(line => line.includes('WARN') && line.includes('tracker.ban') && line.includes('address=127.0.0.1'))).toBe(true)
    // The right credential is never refused because of other requests from its address.
    expect((await fetch(`${node.url}/api/catalog`, bearer(node.access.credential))).status).toBe(200)

    // The configured ban time is 1 s: the ban lifts once it is over.
    await expect.poll(() => node.tracker.stats().bans.active, { timeout: 10 * 1000, interval: 100 }).toBe(0)
    expect(banLog.some(line => line.includes('tracker.unban') && line.includes('address=127.0.0.1'))).toBe(true)
  })
})
