/**
 * The seed node listening beyond loopback, in the test namespace: one port speaks HTTPS and
 * HTTP; another device's plain HTTP gets only the onboarding page, redirects and 426 (never
 * the API or the tracker); this machine's plain HTTP is served in full (the seed node's own
 * announces); magnets name wss/https over TLS; `/api/reach` says how devices reach it; and
 * forwarded headers count only from a trusted proxy, so a spoofed X-Forwarded-For cannot
 * move a ban. Real TLS with the household CA as the client's only trust anchor.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { copyFile, mkdir } from 'node:fs/promises'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ReachReply } from '../../protocol/api/reach.ts'
import { parseCatalog } from '../../protocol/catalog.ts'
import { startSeedNode, type RunningSeedNode } from '../seed-node.ts'
import { HouseholdCaSource } from '../tls/household-ca-source.ts'
import { ensureLanTestAddresses } from '../tls/__tests__/lan-test-addresses.ts'
import { keptLog, scratchDir } from '../tls/__tests__/tls-test-kit.ts'

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../sample-library')
const CLIP = 'Films/Colour Bars at Dusk (2026).mp4'
const NODE = '198.18.0.1'
const PHONE = '198.18.0.2'
const PROXY = '198.18.0.3'
const BAN_MAX_RETRY = 3

interface Reply { status: number, headers: http.IncomingHttpHeaders, body: Buffer }

let scratch: Awaited<ReturnType<typeof scratchDir>>
let node: RunningSeedNode | null = null
let caPem = ''
const ready = await ensureLanTestAddresses([NODE, PHONE, PROXY])

beforeAll(async () => {
  if (!ready) return
  scratch = await scratchDir('https-port')
  const library = path.join(scratch.dir, 'library')
  await mkdir(path.join(library, 'Films'), { recursive: true })
  await copyFile(path.join(SAMPLES, CLIP), path.join(library, CLIP))
  node = await startSeedNode({ libraryDir: library, stateDir: path.join(scratch.dir, 'state'), host: NODE, port: 0, rescanIntervalSec: 3600, trustProxy: [PROXY], banMaxRetry: BAN_MAX_RETRY }, keptLog().log)
  await node.firstScan
  if (!(node.tls instanceof HouseholdCaSource)) throw new Error('expected the household CA')
  caPem = node.tls.ca.certPem
})

afterAll(async () => {
  await node?.close()
  await scratch?.remove()
})

function running (): RunningSeedNode {
  if (node === null) throw new Error('no seed node')
  return node
}

/** One request from `from` (another device unless it is NODE), over TLS trusting the household CA alone, or plain. */
async function call (scheme: 'http' | 'https', from: string, pathname: string, options: { method?: string, headers?: Record<string, string> } = {}): Promise<Reply> {
  const lib = scheme === 'https' ? https : http
  return await new Promise((resolve, reject) => {
    const req = lib.request({ host: NODE, port: running().port, path: pathname, method: options.method ?? 'GET', headers: options.headers, localAddress: from, ca: caPem, agent: false }, res => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

function auth (credential = running().access.credential): Record<string, string> {
  return { authorization: `Bearer ${credential}` }
}

/** The status line a WebSocket upgrade request gets. */
async function upgradeStatusLine (from: string, pathname: string): Promise<string> {
  return await new Promise((resolve, reject) => {
    const socket = net.connect({ host: NODE, port: running().port, localAddress: from }, () => {
      socket.write(`GET ${pathname} HTTP/1.1\r\nHost: ${NODE}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`)
    })
    let text = ''
    socket.on('data', (chunk: Buffer) => { text += chunk.toString('latin1') })
    socket.on('close', () => resolve(text.split('\r\n')[0] ?? ''))
    socket.on('error', reject)
  })
}

describe.skipIf(!ready)('seed node beyond loopback: HTTPS', () => {
  it('speaks HTTPS and plain HTTP on one port', async () => {
    const secure = await call('https', PHONE, '/api/status', { headers: auth() })
    expect(secure.status).toBe(200)
    // This machine's own plain HTTP is served in full: the seed node's announces, a local browser.
    const local = await call('http', NODE, '/api/status', { headers: auth() })
    expect(local.status).toBe(200)
  })

  it('gives another device on plain HTTP the onboarding page, the CA, redirects, and 426 for credentials', async () => {
    const page = await call('http', PHONE, '/onboarding')
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    const text = page.body.toString()
    const source = running().tls
    if (!(source instanceof HouseholdCaSource)) throw new Error('expected the household CA')
    expect(text).toContain(source.ca.fingerprint)
    expect(text).toContain(`https://${NODE}:${running().port}/`)
    for (const system of ['Android', 'iPhone and iPad', 'Windows', 'macOS', 'ChromeOS', 'Linux']) expect(text).toContain(system)
    expect(text).not.toMatch(/<script|style=/)
    expect((await call('http', PHONE, '/')).body.toString()).toContain('Download the certificate')

    const ca = await call('http', PHONE, '/household-ca.crt')
    expect(ca.headers['content-type']).toBe('application/x-x509-ca-cert')
    expect(ca.body.equals(source.ca.certDer)).toBe(true)
    const qr = await call('http', PHONE, '/onboarding/qr.svg')
    expect(qr.headers['content-type']).toBe('image/svg+xml')
    expect(qr.body.toString()).toContain('<svg')

    const redirect = await call('http', PHONE, '/pair?from=qr')
    expect(redirect.status).toBe(308)
    expect(redirect.headers.location).toBe(`https://${NODE}:${running().port}/pair?from=qr`)

    const api = await call('http', PHONE, '/api/catalog', { headers: auth() })
    expect(api.status).toBe(426)
    expect(JSON.parse(api.body.toString())).toMatchObject({ error: 'HEARTH_E_HTTPS_REQUIRED' })
    // A forwarding header from a device that is no trusted proxy changes nothing.
    expect((await call('http', PHONE, '/api/catalog', { headers: { ...auth(), 'x-forwarded-proto': 'https' } })).status).toBe(426)
    expect((await call('http', PHONE, `/announce/${running().access.credential}`)).status).toBe(426)
    expect((await call('http', PHONE, `/webseed/${running().access.credential}/x/y`)).status).toBe(426)
    expect((await call('http', PHONE, '/', { method: 'POST' })).status).toBe(426)
    expect(await upgradeStatusLine(PHONE, `/announce/${running().access.credential}`)).toBe('HTTP/1.1 426 Upgrade Required')
    expect(running().tracker.bans.check(PHONE)).toBeFalsy()
  })

  it('names wss:// and https:// in magnets served over TLS', async () => {
    const reply = await call('https', PHONE, '/api/catalog', { headers: auth() })
    const catalog = parseCatalog(JSON.parse(reply.body.toString()))
    const origin = `${NODE}:${running().port}`
    expect(catalog.trackerUrl).toBe(`wss://${origin}/announce/${running().access.credential}`)
    const magnet = decodeURIComponent(catalog.items[0]?.magnet ?? '')
    expect(magnet).toContain(`ws=https://${origin}/webseed/`)
    expect(magnet).not.toContain('ws://')
  })

  it('answers /api/reach for the household: https origins, the CA fingerprint and the onboarding page', async () => {
    expect((await call('https', PHONE, '/api/reach')).status).toBe(401)
    const reach = ReachReply.parse(JSON.parse((await call('https', PHONE, '/api/reach', { headers: auth() })).body.toString()))
    const source = running().tls
    if (!(source instanceof HouseholdCaSource)) throw new Error('expected the household CA')
    expect(reach).toEqual({
      origins: [`https://${NODE}:${running().port}`],
      tls: { mode: 'household-ca', expiresAt: source.current().expiresAt.toISOString(), warning: null, caFingerprint: source.ca.fingerprint },
      onboardingUrl: `http://${NODE}:${running().port}/onboarding`
    })
    expect(running().pairingLink()).toMatch(new RegExp(`^https://${NODE}:${running().port}/pair#key=`))
  })

  it('believes X-Forwarded-* from the trusted proxy: its client is banned, not the proxy', async () => {
    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'media.example.net', 'x-forwarded-for': '203.0.113.50, 198.18.0.9' }
    const catalog = parseCatalog(JSON.parse((await call('http', PROXY, '/api/catalog', { headers: { ...auth(), ...forwarded } })).body.toString()))
    expect(catalog.trackerUrl).toBe(`wss://media.example.net/announce/${running().access.credential}`)
    for (let attempt = 0; attempt < BAN_MAX_RETRY; attempt++) {
      await call('http', PROXY, '/announce/not-the-credential', { headers: forwarded })
    }
    expect(running().tracker.bans.check('198.18.0.9')).toBeTruthy()
    expect(running().tracker.bans.check(PROXY)).toBeFalsy()
    expect((await call('http', PROXY, '/api/status', { headers: { ...auth(), 'x-forwarded-for': '198.18.0.10' } })).status).toBe(200)
  })

  it('ignores X-Forwarded-For from anyone else: a spoofed one cannot move a ban', async () => {
    for (let attempt = 0; attempt < BAN_MAX_RETRY; attempt++) {
      await call('https', PHONE, '/api/status', { headers: { ...auth('not-the-credential'), 'x-forwarded-for': '198.18.0.8' } })
    }
    expect(running().tracker.bans.check(PHONE)).toBeTruthy()
    expect(running().tracker.bans.check('198.18.0.8')).toBeFalsy()
  })
})
