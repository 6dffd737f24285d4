/**
 * A bounded fuzz run: 10,000 random and mutated tracker messages over ~50 WebSocket
 * connections, and 1,000 connection attempts (WebSocket upgrades and HTTP requests with
 * right, wrong, missing and malformed credentials), from a seeded PRNG. Afterwards the
 * tracker is up, its tables are within their bounds, and a well-formed client is served.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import http from 'node:http'
import { WebSocket } from 'ws'
import type { Principal } from '../access-control.ts'
import { announcePath } from '../announce-path.ts'
import { binaryString, hex, httpAnnounceQuery, httpGet, infoHashOf, nextMessage, openSocket, startTracker, wsAnnounce, type RunningTracker } from './tracker-harness.ts'
import { seededRandom } from '../testing/seeded-random.ts'

const SEED = 0x5eed_4ea7
const MESSAGES = 10_000
const CONNECTIONS = 50
const CONNECTION_ATTEMPTS = 1_000
const TOKEN = 'household-token'
const SHARE_TOKEN = 'share-token'
const MAX_SWARMS = 40
const MAX_PENDING_OFFERS = 500
/** Well-behaved connections come from these; credential guessing from its own address, which gets banned. */
const CLIENT_ADDRESSES = ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4']
const GUESSER_ADDRESS = '127.0.0.9'

const random = seededRandom(SEED)
const int = (n: number): number => Math.floor(random() * n)
const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T
const infoHashes = Array.from({ length: 30 }, (_, i) => binaryString(infoHashOf(i)))
const peerIds = Array.from({ length: 60 }, (_, i) => `-FZ0001-${String(i).padStart(12, '0')}`)
const offerIds = Array.from({ length: 40 }, (_, i) => `offer-${i}`)

function randomString (maxLength: number): string {
  return String.fromCharCode(...Array.from({ length: int(maxLength) }, () => int(256)))
}

const oddValues = (): unknown[] => [null, 0, -1, 1e308, true, '', [], {}, [null], [[]], { offer: null }, randomString(30), 'x'.repeat(20), randomString(20), { __proto__: { polluted: true } }, Number.MAX_SAFE_INTEGER]

function wellFormed (peerId: string = pick(peerIds)): Record<string, unknown> {
  const kind = int(4)
  const base = { action: 'announce', info_hash: pick(infoHashes), peer_id: peerId, uploaded: int(1000), downloaded: 0, left: pick([0, 100]), event: pick(['started', 'update', 'completed', 'stopped', undefined]) }
  if (kind === 0) return { ...base, numwant: 10, offers: Array.from({ length: int(15) }, () => ({ offer: { type: 'offer', sdp: randomString(50) }, offer_id: pick(offerIds) })) }
  if (kind === 1) return { action: 'announce', info_hash: base.info_hash, peer_id: base.peer_id, to_peer_id: pick(peerIds), offer_id: pick(offerIds), answer: { type: 'answer', sdp: 'a' } }
  if (kind === 2) return { action: 'scrape', info_hash: pick([undefined, pick(infoHashes), [pick(infoHashes), pick(infoHashes)]]) }
  return base
}

/** Shapes that crash stock bittorrent-tracker 11 (offers with holes; offers on a scrape) and friends. */
function knownCrashers (peerId: string): Record<string, unknown> {
  return pick([
    { action: 'announce', info_hash: pick(infoHashes), peer_id: peerId, offers: [null, 1, 'x'] },
    { action: 'scrape', info_hash: pick(infoHashes), offers: [{ offer: {}, offer_id: 'x' }] },
    { action: 'scrape', info_hash: pick(infoHashes), answer: {}, to_peer_id: pick(peerIds) },
    { action: 'announce', info_hash: pick(infoHashes), peer_id: peerId, answer: 'x', to_peer_id: pick(peerIds), offer_id: {} },
    { action: 'announce', info_hash: pick(infoHashes), peer_id: peerId, event: 'toString' }
  ])
}

function mutated (peerId: string): Record<string, unknown> {
  const message = wellFormed(peerId)
  const keys = Object.keys(message)
  for (let i = 0, n = 1 + int(3); i < n; i++) {
    const key = pick([...keys, 'offers', 'answer', 'to_peer_id', 'offer_id', 'info_hash', 'action', 'socket', 'ip', 'type', '__proto__'])
    if (random() < 0.3) delete message[key]
    else message[key] = pick(oddValues())
  }
  return message
}

/** One frame to send: text (usually JSON) or binary. */
function frame (peerId: string): { data: string | Buffer, binary: boolean } {
  const roll = random()
  if (roll < 0.35) return { data: JSON.stringify(wellFormed(peerId)), binary: false }
  if (roll < 0.7) return { data: JSON.stringify(mutated(peerId)), binary: false }
  if (roll < 0.78) return { data: JSON.stringify(knownCrashers(peerId)), binary: false }
  if (roll < 0.84) {
    const text = JSON.stringify(wellFormed(peerId))
    return { data: text.slice(0, int(text.length)), binary: false } // truncated JSON
  }
  if (roll < 0.88) return { data: Buffer.from(randomString(200), 'latin1'), binary: random() < 0.5 } // random bytes, text or binary
  if (roll < 0.92) return { data: pick(['null', '1', '"announce"', '[]', '{}', '{"action":"connect"}', '{"action":null}']), binary: false }
  if (roll < 0.94) return { data: JSON.stringify({ action: 'announce', padding: 'x'.repeat(17 * 1024) }), binary: false } // over the cap
  return { data: wsAnnounce(Uint8Array.from({ length: 20 }, () => int(256)), peerId), binary: false } // a new swarm each time
}

function authenticate (token: string | null): Principal | null {
  if (token === TOKEN) return { kind: 'household' }
  if (token === SHARE_TOKEN) return { kind: 'share', infoHashes: new Set([hex(infoHashOf(0))]) }
  return null
}

/** One connection attempt: an upgrade or an HTTP request, with some credential or none. */
async function connectionAttempt (running: RunningTracker): Promise<void> {
  const guessing = random() < 0.3
  const token = guessing ? pick([null, 'wrong', '', '%ZZ', 'x'.repeat(600), '../../etc/passwd', '<script>alert(1)</script>']) : pick([TOKEN, SHARE_TOKEN])
  const path = token === null ? '/announce' : `/announce/${/^%|\//.test(token) ? token : encodeURIComponent(token)}`
  const localAddress = guessing ? GUESSER_ADDRESS : pick(CLIENT_ADDRESSES)
  if (random() < 0.5) {
    const query = random() < 0.7 ? httpAnnounceQuery(infoHashOf(int(5)), pick(peerIds), 1 + int(65535)) : randomString(40).replace(/[^\x21-\x7e]/g, '')
    await new Promise<void>(resolve => {
      http.get(running.httpUrl(`${pick([path, path.replace('announce', 'scrape')])}?${query}`), { localAddress }, res => { res.resume().on('end', resolve) }).on('error', () => resolve())
    })
    return
  }
  await new Promise<void>(resolve => {
    const socket = new WebSocket(running.wsUrl(path), { localAddress })
    socket.on('error', () => resolve())
    socket.on('unexpected-response', (_req, res) => { res.resume(); resolve() })
    socket.on('open', () => {
      if (random() < 0.5) socket.send(JSON.stringify(wellFormed()))
      socket.terminate()
      resolve()
    })
  })
}

let running: RunningTracker
beforeAll(async () => {
  running = await startTracker({
    authenticate,
    maxMessageBytes: 16 * 1024,
    messagesPerSecond: 2_000,
    messageBurst: 400,
    maxSwarms: MAX_SWARMS,
    maxPendingOffers: MAX_PENDING_OFFERS,
    ban: { maxRetry: 5, banTimeMs: 60 * 1000, maxTrackedAddresses: 100 }
  })
})
afterAll(async () => { await running.close() })

describe('tracker fuzz', () => {
  it('survives 10,000 hostile messages and 1,000 connection attempts, stays bounded, and still serves', { timeout: 30 * 1000 }, async () => {
    const started = Date.now()
    const heapBefore = (globalThis.gc?.(), process.memoryUsage().heapUsed)
    const sockets: WebSocket[] = []
    /** Each connection keeps its peer_id, as a real client does; the odd message uses another. */
    const slotPeerId = (slot: number): string => peerIds[slot % peerIds.length] as string
    const open = async (slot: number): Promise<WebSocket> => await openSocket(running.wsUrl(announcePath(TOKEN)), { localAddress: CLIENT_ADDRESSES[slot % CLIENT_ADDRESSES.length] })
    for (let slot = 0; slot < CONNECTIONS; slot++) sockets.push(await open(slot))
    let reopened = 0
    let attempts = 0
    let sent = 0

    while (sent < MESSAGES) {
      // Connections the tracker closed (by design) come back, as a client reconnects.
      await Promise.all(sockets.map(async (socket, slot) => {
        if (socket.readyState === WebSocket.OPEN) return
        sockets[slot] = await open(slot)
        reopened += 1
      }))
      for (let batch = 0; batch < 100 && sent < MESSAGES; batch++) {
        const slot = int(CONNECTIONS)
        const socket = sockets[slot] as WebSocket
        if (socket.readyState !== WebSocket.OPEN) continue
        const { data, binary } = frame(random() < 0.9 ? slotPeerId(slot) : pick(peerIds))
        socket.send(data, { binary })
        sent += 1
      }
      const burst = Math.min(10, CONNECTION_ATTEMPTS - attempts)
      attempts += burst
      await Promise.all(Array.from({ length: burst }, async () => await connectionAttempt(running)))
    }
    while (attempts < CONNECTION_ATTEMPTS) {
      attempts += 10
      await Promise.all(Array.from({ length: 10 }, async () => await connectionAttempt(running)))
    }
    // Wait until the tracker has handled what was sent (each kind of refusal seen), not for a fixed time.
    await vi.waitFor(() => {
      const seen = running.tracker.stats()
      expect(seen.dropped.malformedJson + seen.dropped.invalidMessage + seen.dropped.tooLarge + seen.dropped.binaryFrame).toBeGreaterThan(0)
      expect(seen.refused.wrongCredential + seen.refused.banned).toBeGreaterThan(0)
      expect(seen.bans.total).toBeGreaterThan(0)
      expect(seen.refused.swarmLimit).toBeGreaterThan(0)
    }, { timeout: 10 * 1000, interval: 50 })

    const stats = running.tracker.stats()
    expect(stats.torrents).toBeLessThanOrEqual(MAX_SWARMS)
    expect(stats.pendingOffers).toBeLessThanOrEqual(MAX_PENDING_OFFERS)
    expect(stats.bans.trackedAddresses).toBeLessThanOrEqual(200)
    expect(stats.webSocketConnections).toBeLessThanOrEqual(CONNECTIONS + 5)
    expect(stats.dropped.internalError).toBe(0) // the guard caught every known crasher before the library saw it
    expect(stats.dropped.malformedJson + stats.dropped.invalidMessage + stats.dropped.tooLarge + stats.dropped.binaryFrame).toBeGreaterThan(0)
    expect(stats.refused.wrongCredential + stats.refused.banned).toBeGreaterThan(0)
    expect(stats.bans.total).toBeGreaterThan(0)
    expect(stats.refused.swarmLimit).toBeGreaterThan(0)
    expect(reopened).toBeGreaterThan(0)

    // A well-formed client is still served, over WebSocket and HTTP.
    const client = await openSocket(running.wsUrl(announcePath(TOKEN)))
    const reply = nextMessage(client)
    client.send(wsAnnounce(infoHashOf(0), '-WW0208-afterfuzz001'))
    expect(await reply).toMatchObject({ action: 'announce', info_hash: binaryString(infoHashOf(0)) })
    expect((await httpGet(running.httpUrl(`${announcePath(TOKEN)}?${httpAnnounceQuery(infoHashOf(0))}`))).status).toBe(200)

    // Connections gone, their tables empty again.
    for (const socket of [...sockets, client]) socket.terminate()
    await expect.poll(() => running.tracker.stats().webSocketConnections).toBe(0)
    expect(running.tracker.stats().connectedAddresses).toBe(0)
    if (globalThis.gc) {
      globalThis.gc()
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024)
    }
    // Bounded by its counts (and the test timeout), never failed on a time: the time is reported.
    process.stdout.write(`tracker fuzz: ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
  })
})
