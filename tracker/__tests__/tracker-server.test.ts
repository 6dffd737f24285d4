import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocket } from 'ws'
import { createTracker, type HearthTracker, type TrackerOptions } from '../tracker-server.ts'

/** bencode ships no typings; this is the one function the tests use. */
type Bencode = { decode (data: Uint8Array): Record<string, unknown> }
const BENCODE_MODULE: string = 'bencode'
const bencode = ((await import(BENCODE_MODULE)) as { default: Bencode }).default

const ANNOUNCE_INTERVAL_MS = 60 * 1000
/** 20 bytes with high-bit values, as a real SHA-1 infohash has. */
const INFO_HASH = Uint8Array.from({ length: 20 }, (_, i) => (i * 37 + 0xa5) & 0xff)

let tracker: HearthTracker
let server: http.Server
let port: number
const sockets: WebSocket[] = []

async function startServer (options: TrackerOptions): Promise<void> {
  tracker = createTracker(options)
  server = http.createServer((req, res) => tracker.handleHttp(req, res))
  server.on('upgrade', (req, socket, head) => tracker.handleUpgrade(req, socket, head))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
}

function percentEncodeBytes (bytes: Uint8Array): string {
  return Array.from(bytes, byte => '%' + byte.toString(16).toUpperCase().padStart(2, '0')).join('')
}

/** An announce the way a classic client sends it: binary values percent-encoded byte by byte. */
async function httpAnnounce (peerId: string, peerPort: number, left: number): Promise<Record<string, unknown>> {
  const query = [
    `info_hash=${percentEncodeBytes(INFO_HASH)}`,
    `peer_id=${percentEncodeBytes(new TextEncoder().encode(peerId))}`,
    `port=${peerPort}`,
    'uploaded=0',
    'downloaded=0',
    `left=${left}`,
    'compact=1',
    'event=started'
  ].join('&')
  const response = await fetch(`http://127.0.0.1:${port}/announce?${query}`)
  expect(response.status).toBe(200)
  return bencode.decode(new Uint8Array(await response.arrayBuffer()))
}

function text (value: unknown): string {
  return new TextDecoder().decode(value as Uint8Array)
}

async function openSocket (): Promise<WebSocket> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/announce`)
  sockets.push(socket)
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  return socket
}

function nextMessage (socket: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    socket.once('message', data => resolve(JSON.parse(String(data)) as Record<string, unknown>))
    socket.once('close', code => reject(new Error(`closed with ${code} before answering`)))
  })
}

/** Binary strings as WebTorrent puts them in JSON: one char per byte. */
const binaryString = (bytes: Uint8Array) => String.fromCharCode(...bytes)

beforeEach(async () => {
  await startServer({ announceIntervalMs: ANNOUNCE_INTERVAL_MS, maxMessageBytes: 4 * 1024 })
})

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate()
  await tracker.close()
  server.closeAllConnections()
  await new Promise<void>(resolve => server.close(() => resolve()))
})

describe('tracker over HTTP', () => {
  it('answers a classic announce with a bencoded interval and the swarm', async () => {
    const first = await httpAnnounce('-TR3000-aaaaaaaaaaaa', 51413, 0)
    expect(first['failure reason']).toBeUndefined()
    expect(first.interval).toBe(ANNOUNCE_INTERVAL_MS / 1000)
    expect(first.complete).toBe(1)
    expect(first.incomplete).toBe(0)

    const second = await httpAnnounce('-TR3000-bbbbbbbbbbbb', 6881, 1000)
    expect(second.interval).toBe(ANNOUNCE_INTERVAL_MS / 1000)
    expect(second.complete).toBe(1)
    expect(second.incomplete).toBe(1)
    // Compact peers: 4 bytes of IPv4 then 2 of port, big-endian. The list may include the
    // asker itself (bittorrent-tracker does), in any order; it must include the seeder.
    const peers = Array.from(second.peers as Uint8Array)
    expect(peers.length % 6).toBe(0)
    const entries = Array.from({ length: peers.length / 6 }, (_, i) => peers.slice(i * 6, i * 6 + 6))
    expect(entries).toContainEqual([127, 0, 0, 1, 51413 >> 8, 51413 & 0xff])
    expect(tracker.stats()).toMatchObject({ torrents: 1, peers: 2 })
  })

  it('answers a bad announce with a bencoded failure reason, and keeps serving', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/announce?info_hash=short&peer_id=x&port=1`)
    const body = bencode.decode(new Uint8Array(await response.arrayBuffer()))
    expect(text(body['failure reason'])).toMatch(/info_hash/)
    expect((await httpAnnounce('-TR3000-cccccccccccc', 6881, 0)).interval).toBe(ANNOUNCE_INTERVAL_MS / 1000)
  })

  it('serves a scrape on /scrape', async () => {
    await httpAnnounce('-TR3000-aaaaaaaaaaaa', 51413, 0)
    const response = await fetch(`http://127.0.0.1:${port}/scrape?info_hash=${percentEncodeBytes(INFO_HASH)}`)
    const body = bencode.decode(new Uint8Array(await response.arrayBuffer()))
    const files = body.files as Record<string, { complete: number, incomplete: number }>
    expect(Object.values(files)).toEqual([expect.objectContaining({ complete: 1, incomplete: 0 })])
  })
})

describe('tracker over WebSocket', () => {
  it('answers a well-formed announce with the swarm and a shorter interval', async () => {
    const socket = await openSocket()
    expect(tracker.stats().webSocketConnections).toBe(1)
    const answer = nextMessage(socket)
    socket.send(JSON.stringify({
      action: 'announce',
      info_hash: binaryString(INFO_HASH),
      peer_id: '-WW0208-abcdefghijkl',
      numwant: 0,
      uploaded: 0,
      downloaded: 0,
      left: 0,
      event: 'started',
      offers: []
    }))
    const message = await answer
    expect(message['failure reason']).toBeUndefined()
    expect(message.action).toBe('announce')
    expect(message.info_hash).toBe(binaryString(INFO_HASH))
    expect(message.interval).toBe(Math.ceil(ANNOUNCE_INTERVAL_MS / 1000 / 5))
    expect(message.complete).toBe(1)
    expect(tracker.stats()).toMatchObject({ torrents: 1, peers: 1 })
  })

  it('answers a malformed announce with a failure reason instead of dropping it', async () => {
    const socket = await openSocket()
    const answer = nextMessage(socket)
    socket.send(JSON.stringify({ action: 'announce', info_hash: 'too short', peer_id: '-WW0208-abcdefghijkl' }))
    expect((await answer)['failure reason']).toBe('invalid info_hash')
  })

  it('closes a connection whose message is over the size cap', async () => {
    const socket = await openSocket()
    const closed = new Promise<number>(resolve => socket.once('close', code => resolve(code)))
    socket.send(JSON.stringify({ action: 'announce', padding: 'x'.repeat(5 * 1024) }))
    expect(await closed).toBe(1009) // "message too big"
  })
})

describe('tracker options', () => {
  it.each([
    [{ announceIntervalMs: 9_999 }, /announceIntervalMs/],
    [{ announceIntervalMs: 60 * 60 * 1000 + 1 }, /announceIntervalMs/],
    [{ announceIntervalMs: Number.NaN }, /announceIntervalMs/],
    [{ maxMessageBytes: 4 * 1024 - 1 }, /maxMessageBytes/],
    [{ maxMessageBytes: 1024 * 1024 + 1 }, /maxMessageBytes/],
    [{ maxMessageBytes: Number.POSITIVE_INFINITY }, /maxMessageBytes/]
  ])('refuses %j with a RangeError naming the option', (options, name) => {
    expect(() => createTracker(options)).toThrow(RangeError)
    expect(() => createTracker(options)).toThrow(name)
  })

  it('accepts the bounds themselves', async () => {
    for (const options of [
      { announceIntervalMs: 10 * 1000, maxMessageBytes: 4 * 1024 },
      { announceIntervalMs: 60 * 60 * 1000, maxMessageBytes: 1024 * 1024 },
      {}
    ]) {
      await createTracker(options).close()
    }
  })
})
