/**
 * Bans punish the guesser only (a request a third-party page can make never counts; a token
 * the host says is no guess never counts; the right credential is admitted from a banned
 * address), and message budgets follow the role: a share-token guest is cut off after its
 * small budget while the host's own connection keeps announcing.
 */
import http from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import type { Principal } from '../access-control.ts'
import { isThirdPartyRequest } from '../request-provenance.ts'
import { closed, httpAnnounceQuery, infoHashOf, hex, openSocket, startTracker, upgradeRefusal, wsAnnounce, type RunningTracker } from './tracker-harness.ts'

const TOKEN = 'household-token-0123456789'
const SHARE_TOKEN = 'share-token-0123456789'
const INFO_HASH = infoHashOf(3)
const OWN_PEER_ID = '-WW0208-ownpeer00001'
const authenticate = (token: string | null): Principal | null => {
  if (token === TOKEN) return { kind: 'household' }
  if (token === SHARE_TOKEN) return { kind: 'share', infoHashes: new Set([hex(INFO_HASH)]) }
  return null
}

let running: RunningTracker | undefined
afterEach(async () => { await running?.close(); running = undefined })

function getWithHeaders (url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, res => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)) }).on('error', reject)
  })
}

describe('request provenance', () => {
  it.each([
    [{ 'sec-fetch-site': 'cross-site' }, true],
    [{ 'sec-fetch-site': 'same-site' }, true],
    [{ 'sec-fetch-site': 'same-origin' }, false],
    [{ 'sec-fetch-site': 'none' }, false],
    [{ origin: 'http://evil.example', host: '127.0.0.1:8787' }, true],
    [{ origin: 'null', host: '127.0.0.1:8787' }, true],
    [{ origin: 'http://127.0.0.1:8787', host: '127.0.0.1:8787' }, false],
    [{ origin: 'http://127.0.0.1:9999', host: '127.0.0.1:8787' }, true],
    [{}, false]
  ])('%o → third party: %s', (headers, expected) => {
    expect(isThirdPartyRequest(headers)).toBe(expected)
  })
})

describe('bans punish the guesser only', () => {
  it('never counts wrong tokens from a third-party page (WebSocket Origin, Sec-Fetch-Site), and counts them from a direct client', async () => {
    running = await startTracker({ authenticate, ban: { maxRetry: 2 } })
    const query = httpAnnounceQuery(INFO_HASH)
    for (let i = 0; i < 5; i++) {
      expect((await upgradeRefusal(running.wsUrl(`/announce/guess${i}`), { headers: { origin: 'http://evil.example' } })).status).toBe(403)
      expect(await getWithHeaders(running.httpUrl(`/announce/guess${i}?${query}`), { 'sec-fetch-site': 'cross-site' })).toBe(403)
    }
    expect(running.tracker.stats()).toMatchObject({ bans: { active: 0, total: 0 }, refused: { notCounted: 10, wrongCredential: 0 } })
    for (let i = 0; i < 2; i++) await upgradeRefusal(running.wsUrl(`/announce/direct${i}`))
    expect(running.tracker.stats().bans.active).toBe(1)
    await openSocket(running.wsUrl(`/announce/${TOKEN}`)) // the right credential is still admitted
  })

  it('does not count a token the host says is no guess (a revoked share token)', async () => {
    running = await startTracker({ authenticate, countsAsGuess: token => !token.startsWith('s.'), ban: { maxRetry: 1 } })
    for (let i = 0; i < 3; i++) expect((await upgradeRefusal(running.wsUrl(`/announce/s.revoked${i}`))).status).toBe(403)
    expect(running.tracker.stats().bans.active).toBe(0)
  })
})

describe('message budgets by role', () => {
  it("cuts a share-token guest off after its small budget while the host's own connection keeps announcing", async () => {
    running = await startTracker({ authenticate, isOwnPeer: peerIdHex => peerIdHex === Buffer.from(OWN_PEER_ID, 'latin1').toString('hex'), shareMessagesPerSecond: 1, shareMessageBurst: 10 })
    const guest = await openSocket(running.wsUrl(`/announce/${SHARE_TOKEN}`))
    const own = await openSocket(running.wsUrl(`/announce/${TOKEN}`))
    const guestClosed = closed(guest)
    let ownClosed = false
    own.once('close', () => { ownClosed = true })
    const OWN_ANNOUNCES = 500
    let ownReplies = 0
    const allOwnReplies = new Promise<void>(resolve => own.on('message', () => { if (++ownReplies === OWN_ANNOUNCES) resolve() }))
    for (let i = 0; i < 100; i++) guest.send(wsAnnounce(INFO_HASH, '-WW0208-guestpeer001'))
    for (let i = 0; i < OWN_ANNOUNCES; i++) own.send(wsAnnounce(infoHashOf(100 + i), OWN_PEER_ID))
    expect(await guestClosed).toEqual({ code: 1008, reason: 'message rate exceeded' })
    await allOwnReplies
    expect(ownClosed).toBe(false)
    expect(running.tracker.stats().dropped.rateExceeded).toBe(1)
  })

  it('gives a household connection that is not the host the household budget', async () => {
    running = await startTracker({ authenticate, isOwnPeer: () => false, messagesPerSecond: 1, messageBurst: 5 })
    const device = await openSocket(running.wsUrl(`/announce/${TOKEN}`))
    const closing = closed(device)
    for (let i = 0; i < 20; i++) device.send(wsAnnounce(infoHashOf(200 + i), OWN_PEER_ID))
    expect(await closing).toEqual({ code: 1008, reason: 'message rate exceeded' })
  })

  it('caps share-token connections per address below the household cap', async () => {
    running = await startTracker({ authenticate, maxShareConnectionsPerAddress: 2 })
    await openSocket(running.wsUrl(`/announce/${SHARE_TOKEN}`))
    await openSocket(running.wsUrl(`/announce/${SHARE_TOKEN}`))
    const third = await openSocket(running.wsUrl(`/announce/${SHARE_TOKEN}`))
    expect((await closed(third)).reason).toMatch(/too many connections from this address/)
    await openSocket(running.wsUrl(`/announce/${TOKEN}`)) // the household is not held to the guests' cap
    expect(running.tracker.stats().refused.tooManyFromAddress).toBe(1)
  })
})
