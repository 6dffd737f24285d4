import { afterEach, describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import type { TrackerOptions } from '../tracker-options.ts'
import { closed, collectMessages, infoHashOf, nextMessage, openSocket, startTracker, wsAnnounce, type RunningTracker } from './tracker-harness.ts'

const INFO_HASH = infoHashOf(7)
let running: RunningTracker | undefined
afterEach(async () => { await running?.close(); running = undefined })

async function connect (options: TrackerOptions = {}): Promise<WebSocket> {
  running = await startTracker(options)
  return await openSocket(running.wsUrl('/announce'))
}

describe('frames the tracker closes the connection for', () => {
  it.each([
    ['a binary frame', (s: WebSocket) => s.send(Buffer.from('{"action":"announce"}'), { binary: true }), 1003, /binary/, 'binaryFrame'],
    ['malformed JSON', (s: WebSocket) => s.send('{"action": "announce",'), 1007, /not JSON/, 'malformedJson'],
    ['JSON that is not an object', (s: WebSocket) => s.send('[1,2,3]'), 1007, /not a JSON object/, 'notAnObject'],
    ['an unknown action', (s: WebSocket) => s.send('{"action":"connect"}'), 1008, /unknown action/, 'unknownAction'],
    ['invalid UTF-8', (s: WebSocket) => s.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false }), 1007, /not valid UTF-8/, 'invalidUtf8'],
    ['an oversized frame', (s: WebSocket) => s.send(JSON.stringify({ action: 'announce', padding: 'x'.repeat(5 * 1024) })), 1009, /message too big \(limit 4096 bytes\)/, 'tooLarge']
  ] as const)('%s', async (_name, send, code, reason, counter) => {
    const socket = await connect({ maxMessageBytes: 4 * 1024 })
    const closing = closed(socket)
    send(socket)
    const close = await closing
    expect(close.code).toBe(code)
    expect(close.reason).toMatch(reason)
    await expect.poll(() => running!.tracker.stats().dropped[counter]).toBe(1)
  })
})

describe('limits', () => {
  it('closes a connection over its message rate (token bucket)', async () => {
    const socket = await connect({ messagesPerSecond: 1, messageBurst: 3 })
    const closing = closed(socket)
    for (let i = 0; i < 5; i++) socket.send(wsAnnounce(INFO_HASH, '-WW0208-ratelimit001'))
    expect(await closing).toEqual({ code: 1008, reason: 'message rate exceeded' })
    expect(running!.tracker.stats().dropped.rateExceeded).toBe(1)
  })

  it('closes an idle connection, and keeps a talking one open', async () => {
    // The talker speaks every 100 ms: it is closed only if the process stalls for 900 ms.
    const idle = await connect({ idleTimeoutMs: 1000 })
    const talking = await openSocket(running!.wsUrl('/announce'))
    const idleClosed = closed(idle)
    let talkingClosed = false
    talking.once('close', () => { talkingClosed = true })
    const ticker = setInterval(() => talking.send(wsAnnounce(INFO_HASH, '-WW0208-talking00001')), 100)
    try {
      expect(await idleClosed).toEqual({ code: 1000, reason: 'idle: no message received in time' })
      expect(talkingClosed).toBe(false)
    } finally {
      clearInterval(ticker)
    }
    expect(running!.tracker.stats().dropped.idle).toBe(1)
  })

  it('limits connections per address, and in all', async () => {
    await connect({ maxConnectionsPerAddress: 2, maxConnections: 3 })
    await openSocket(running!.wsUrl('/announce'))
    const third = await openSocket(running!.wsUrl('/announce'))
    expect(await closed(third)).toEqual({ code: 1013, reason: 'too many connections from this address' })
    await openSocket(running!.wsUrl('/announce'), { localAddress: '127.0.0.2' })
    const fourth = await openSocket(running!.wsUrl('/announce'), { localAddress: '127.0.0.3' })
    expect(await closed(fourth)).toEqual({ code: 1013, reason: 'too many connections' })
    await expect.poll(() => running!.tracker.stats()).toMatchObject({ webSocketConnections: 3, connectedAddresses: 2, refused: { tooManyFromAddress: 1, tooManyConnections: 1 } })
  })

  it('relays at most maxOffersPerAnnounce offers, dropping the rest', async () => {
    const offerer = await connect({ maxOffersPerAnnounce: 2 })
    const peers: WebSocket[] = []
    for (let i = 0; i < 4; i++) {
      const peer = await openSocket(running!.wsUrl('/announce'))
      const reply = nextMessage(peer)
      peer.send(wsAnnounce(INFO_HASH, `-WW0208-peer0000000${i}`))
      await reply
      peers.push(peer)
    }
    const received = peers.map(peer => collectMessages(peer))
    const offers = Array.from({ length: 5 }, (_, i) => ({ offer: { type: 'offer', sdp: `sdp ${i}` }, offer_id: `offer-${i}` }))
    offerer.send(wsAnnounce(INFO_HASH, '-WW0208-offerer00001', { offers, numwant: 5 }))
    // The announce is handled whole: once the dropped offers are counted, the relayed ones are sent.
    await expect.poll(() => running!.tracker.stats().dropped.offersOverLimit).toBe(3)
    const relayed = () => received.flatMap(collector => collector.received).filter(message => message.offer)
    await expect.poll(() => relayed().length).toBe(2)
    for (const collector of received) collector.stop()
  })

  it('refuses an announce past maxSwarms with a failure reason', async () => {
    const socket = await connect({ maxSwarms: 1 })
    let reply = nextMessage(socket)
    socket.send(wsAnnounce(infoHashOf(1), '-WW0208-swarmlimit01'))
    expect((await reply)['failure reason']).toBeUndefined()
    reply = nextMessage(socket)
    socket.send(wsAnnounce(infoHashOf(2), '-WW0208-swarmlimit01'))
    expect((await reply)['failure reason']).toMatch(/tracker is full/)
    expect(running!.tracker.stats().refused.swarmLimit).toBe(1)
  })

  it('keeps one peer_id per connection', async () => {
    const socket = await connect()
    let reply = nextMessage(socket)
    socket.send(wsAnnounce(INFO_HASH, '-WW0208-firstpeerid1'))
    await reply
    reply = nextMessage(socket)
    socket.send(wsAnnounce(INFO_HASH, '-WW0208-otherpeerid1'))
    expect((await reply)['failure reason']).toMatch(/peer_id differs/)
    expect(running!.tracker.stats()).toMatchObject({ peers: 1, dropped: { peerIdChanged: 1 } })
  })

  it('forgets a swarm once its last peer leaves', async () => {
    const socket = await connect()
    const reply = nextMessage(socket)
    socket.send(wsAnnounce(INFO_HASH, '-WW0208-leavingpeer1'))
    await reply
    expect(running!.tracker.stats().torrents).toBe(1)
    socket.close()
    await expect.poll(() => running!.tracker.stats().torrents).toBe(0)
  })
})
