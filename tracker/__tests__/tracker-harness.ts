/** A real tracker on 127.0.0.1 port 0 and real `ws` clients, for the tracker tests. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocket } from 'ws'
import { createTracker, type HearthTracker, type TrackerOptions } from '../tracker-server.ts'

export interface RunningTracker {
  tracker: HearthTracker
  port: number
  wsUrl (path: string): string
  httpUrl (path: string): string
  close (): Promise<void>
}

export async function startTracker (options: TrackerOptions = {}): Promise<RunningTracker> {
  const tracker = createTracker(options)
  // Mounted as the seed node will: every path starting with /announce or /scrape.
  const server = http.createServer((req, res) => {
    if (/^\/(announce|scrape)/.test(req.url ?? '')) return tracker.handleHttp(req, res)
    res.writeHead(404).end()
  })
  server.on('upgrade', (req, socket, head) => tracker.handleUpgrade(req, socket, head))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const clients = new Set<WebSocket>()
  trackedClients = clients
  return {
    tracker,
    port,
    wsUrl: path => `ws://127.0.0.1:${port}${path}`,
    httpUrl: path => `http://127.0.0.1:${port}${path}`,
    async close () {
      for (const client of clients) client.terminate()
      await tracker.close()
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}

let trackedClients = new Set<WebSocket>()

/** Opens a client socket (terminated at `close()`), resolving once it is open. */
export async function openSocket (url: string, options: { localAddress?: string, headers?: Record<string, string> } = {}): Promise<WebSocket> {
  const socket = new WebSocket(url, options)
  trackedClients.add(socket)
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  return socket
}

/** The HTTP status and body a refused upgrade got (throws if the upgrade was accepted). */
export function upgradeRefusal (url: string, options: { localAddress?: string, headers?: Record<string, string> } = {}): Promise<{ status: number, body: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, options)
    socket.once('unexpected-response', (_req, res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => { body += chunk })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    socket.once('open', () => {
      socket.terminate()
      reject(new Error('upgrade was accepted'))
    })
    socket.once('error', () => {})
  })
}

export function nextMessage (socket: WebSocket, timeoutMs = 1000): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no message')), timeoutMs)
    socket.once('message', data => {
      clearTimeout(timer)
      resolve(JSON.parse(String(data)) as Record<string, unknown>)
    })
  })
}

/** Resolves with whatever arrives within `ms` (for "nothing was relayed" checks). */
/**
 * Every message `socket` receives from now until `stop()`. For positive checks: wait for the
 * tracker's counters to show the work done, then poll this list, rather than a fixed window
 * a slow machine can outlast (messagesWithin is for "nothing arrives" checks).
 */
export function collectMessages (socket: WebSocket): { received: Array<Record<string, unknown>>, stop: () => void } {
  const received: Array<Record<string, unknown>> = []
  const onMessage = (data: unknown) => { received.push(JSON.parse(String(data)) as Record<string, unknown>) }
  socket.on('message', onMessage)
  return { received, stop: () => { socket.off('message', onMessage) } }
}

export function messagesWithin (socket: WebSocket, ms: number): Promise<Array<Record<string, unknown>>> {
  const received: Array<Record<string, unknown>> = []
  const onMessage = (data: unknown) => { received.push(JSON.parse(String(data)) as Record<string, unknown>) }
  socket.on('message', onMessage)
  return new Promise(resolve => setTimeout(() => {
    socket.off('message', onMessage)
    resolve(received)
  }, ms))
}

export function closed (socket: WebSocket): Promise<{ code: number, reason: string }> {
  return new Promise(resolve => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })))
}

/** Binary strings as WebTorrent puts them in JSON: one char per byte. */
export function binaryString (bytes: Uint8Array): string {
  return String.fromCharCode(...bytes)
}

export function infoHashOf (seed: number): Uint8Array {
  return Uint8Array.from({ length: 20 }, (_, i) => (i * 37 + seed * 11 + 0xa5) & 0xff)
}

export function hex (bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex')
}

export function percentEncodeBytes (bytes: Uint8Array): string {
  return Array.from(bytes, byte => '%' + byte.toString(16).toUpperCase().padStart(2, '0')).join('')
}

/** A classic announce query for `infoHash`. */
export function httpAnnounceQuery (infoHash: Uint8Array, peerId = '-TR3000-aaaaaaaaaaaa', port = 51413): string {
  return [
    `info_hash=${percentEncodeBytes(infoHash)}`,
    `peer_id=${percentEncodeBytes(new TextEncoder().encode(peerId))}`,
    `port=${port}`, 'uploaded=0', 'downloaded=0', 'left=0', 'compact=1', 'event=started'
  ].join('&')
}

/** A WebTorrent-style announce. */
export function wsAnnounce (infoHash: Uint8Array, peerId: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ action: 'announce', info_hash: binaryString(infoHash), peer_id: peerId, numwant: 0, uploaded: 0, downloaded: 0, left: 0, event: 'started', offers: [], ...extra })
}

/** bencode ships no typings; this is the one function the tests use. */
type Bencode = { decode (data: Uint8Array): Record<string, unknown> }
const BENCODE_MODULE: string = 'bencode'
const bencode = ((await import(BENCODE_MODULE)) as { default: Bencode }).default

export async function httpGet (url: string, localAddress?: string): Promise<{ status: number, body: Record<string, unknown> }> {
  const { status, bytes } = await new Promise<{ status: number, bytes: Buffer }>((resolve, reject) => {
    http.get(url, localAddress ? { localAddress } : {}, res => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes: Buffer.concat(chunks) }))
    }).on('error', reject)
  })
  return { status, body: bencode.decode(new Uint8Array(bytes)) }
}

export function text (value: unknown): string {
  return new TextDecoder().decode(value as Uint8Array)
}
