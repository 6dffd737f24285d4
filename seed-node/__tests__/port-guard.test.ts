/**
 * The port's guard on a real seed node: security headers on every kind of response (API,
 * errors, web seed, app files, tracker, the 503 while starting), 421 for a foreign Host
 * (DNS rebinding) on requests and WebSocket upgrades, and half-open connections capped per
 * address while another address is still served.
 */
import http from 'node:http'
import net from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSeedNode, type RunningSeedNode } from '../seed-node.ts'
import { createLogger } from '../lib/log.ts'
import { PortListener } from '../port-listener.ts'
import { defaultAllowedHosts, isAllowedHost, machineHosts } from '../http/host-allow-list.ts'
import { SECURITY_HEADERS } from '../http/security-headers.ts'
import { SAMPLE_LIBRARY } from '../testing/seed-node-process.ts'

const quiet = createLogger('error')
let scratch: string
let node: RunningSeedNode

interface Reply { status: number, headers: http.IncomingHttpHeaders, body: string }

function get (port: number, target: string, headers: Record<string, string> = {}, localAddress?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: target, headers, ...(localAddress ? { localAddress } : {}), agent: false }, res => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => { body += chunk })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    }).on('error', reject)
  })
}

function expectSecurityHeaders (reply: Reply): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(reply.headers[name], name).toBe(value)
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'hearth-port-guard-'))
  node = await startSeedNode({ libraryDir: SAMPLE_LIBRARY, stateDir: path.join(scratch, 'state'), host: '127.0.0.1', port: 0 }, quiet)
  await node.firstScan
})

afterAll(async () => {
  await node?.close()
  await rm(scratch, { recursive: true, force: true })
})

describe('security headers', () => {
  it('are on every kind of response', async () => {
    const auth = { authorization: `Bearer ${node.access.credential}` }
    const item = node.registry.list()[0]
    const targets: Array<[string, Record<string, string>]> = [
      ['/api/catalog', auth],
      ['/api/no-such-endpoint', auth],
      ['/api/catalog', {}],
      ['/webseed/x/0000000000000000000000000000000000000000/a.mp4', {}],
      ['/', {}],
      ['/no/such/file.js', {}],
      ['/announce', {}],
      ['/scrape/wrong', {}]
    ]
    if (item) targets.push([`/webseed/${node.access.credential}/${item.stored.infoHash}/x`, {}])
    for (const [target, headers] of targets) expectSecurityHeaders(await get(node.port, target, headers))
  })

  it('are on the 503 while the node starts', async () => {
    const listener = await PortListener.open('127.0.0.1', 0, { tls: null, trustProxy: [], guard: { maxConnections: 64, allowedHosts: defaultAllowedHosts(), log: quiet }, log: quiet })
    try {
      const reply = await get(listener.port, '/api/catalog')
      expect(reply.status).toBe(503)
      expectSecurityHeaders(reply)
    } finally {
      await listener.close()
    }
  })
})

describe('Host allow-list', () => {
  it('answers a foreign Host with 421, on requests and upgrades, and serves our own names', async () => {
    const foreign = await get(node.port, '/api/catalog', { host: `rebound.example:${node.port}`, authorization: `Bearer ${node.access.credential}` })
    expect(foreign.status).toBe(421)
    expect(JSON.parse(foreign.body)).toMatchObject({ error: 'HEARTH_E_MISDIRECTED' })
    expectSecurityHeaders(foreign)
    const upgrade = await get(node.port, `/announce/${node.access.credential}`, { host: 'rebound.example', connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' })
    expect(upgrade.status).toBe(421)
    for (const host of [`127.0.0.1:${node.port}`, `localhost:${node.port}`, `${os.hostname()}:${node.port}`, `[::1]:${node.port}`]) {
      expect((await get(node.port, '/api/catalog', { host, authorization: `Bearer ${node.access.credential}` })).status, host).toBe(200)
    }
  })

  it('allows loopback, the hostname and .local, every interface address, and injected names; nothing else', () => {
    const hosts = machineHosts(['media.example.org'])
    for (const entry of Object.values(os.networkInterfaces()).flat()) if (entry) expect(hosts.has(entry.address.toLowerCase().replace(/%.*$/, ''))).toBe(true)
    const provider = () => hosts
    for (const header of ['localhost', '127.0.0.5:80', '[::1]:8787', `${os.hostname()}.local`, 'MEDIA.example.org.:443', undefined]) expect(isAllowedHost(header, provider), String(header)).toBe(true)
    for (const header of ['evil.example', 'localhost.evil.example', '10.255.255.254', 'a b', '']) expect(isAllowedHost(header, provider), header).toBe(false)
  })
})

describe('half-open connections', () => {
  it('are capped per address; another address is still served while they hang', async () => {
    const sockets: net.Socket[] = []
    try {
      const ATTEMPTS = 100
      const dropped = { count: 0 }
      await Promise.all(Array.from({ length: ATTEMPTS }, async () => await new Promise<void>(resolve => {
        const socket = net.connect({ host: '127.0.0.1', port: node.port, localAddress: '127.0.0.2' }, () => { socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n'); resolve() })
        socket.on('error', () => {})
        socket.on('close', () => { dropped.count += 1; resolve() })
        sockets.push(socket)
      })))
      await expect.poll(() => dropped.count).toBeGreaterThanOrEqual(ATTEMPTS - 32)
      expect((await get(node.port, '/api/catalog', { authorization: `Bearer ${node.access.credential}` }, '127.0.0.1')).status).toBe(200)
    } finally {
      for (const socket of sockets) socket.destroy()
    }
  })

  it('are evicted from the address holding the most, so a slow lone client survives a flood from others', async () => {
    // 16 connections in all: past 8 half-open, each newcomer evicts one.
    const listener = await PortListener.open('127.0.0.1', 0, { tls: null, trustProxy: [], guard: { maxConnections: 16, allowedHosts: defaultAllowedHosts(), log: quiet }, log: quiet })
    const sockets: net.Socket[] = []
    const open = (localAddress: string): Promise<net.Socket> => new Promise(resolve => {
      const socket = net.connect({ host: '127.0.0.1', port: listener.port, localAddress }, () => resolve(socket))
      socket.on('error', () => {})
      sockets.push(socket)
    })
    try {
      const lone = await open('127.0.0.3')
      let loneClosed = false
      lone.on('close', () => { loneClosed = true })
      lone.write('GET /api/catalog HTTP/1.1\r\nHost: 127.0.0.1\r\n')
      const flood = await Promise.all(Array.from({ length: 30 }, async () => await open('127.0.0.4')))
      const closed = flood.map(() => false)
      flood.forEach((socket, i) => socket.on('close', () => { closed[i] = true }))
      await expect.poll(() => closed.filter(Boolean).length).toBeGreaterThanOrEqual(30 - 8)
      expect(loneClosed).toBe(false)
      const reply = new Promise<string>(resolve => { let text = ''; lone.setEncoding('utf8'); lone.on('data', (chunk: string) => { text += chunk; if (text.includes('\r\n\r\n')) resolve(text) }) })
      lone.write('\r\n')
      expect(await reply).toMatch(/^HTTP\/1\.1 503 /)
    } finally {
      for (const socket of sockets) socket.destroy()
      await listener.close()
    }
  })
})
