import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Principal } from '../access-control.ts'
import { announcePath, parseTrackerPath } from '../announce-path.ts'
import {
  binaryString, hex, httpAnnounceQuery, httpGet, infoHashOf, nextMessage, openSocket, percentEncodeBytes,
  startTracker, text, upgradeRefusal, wsAnnounce, type RunningTracker
} from './tracker-harness.ts'

const HOUSEHOLD_TOKEN = 'household-token'
const SHARED = infoHashOf(1)
const OTHER = infoHashOf(2)
const SHARE_TOKEN = 'share/token+for one item' // needs percent-encoding in a path

function authenticate (token: string | null): Principal | null {
  if (token === HOUSEHOLD_TOKEN) return { kind: 'household' }
  if (token === SHARE_TOKEN) return { kind: 'share', infoHashes: new Set([hex(SHARED)]) }
  return null
}

let running: RunningTracker
beforeEach(async () => { running = await startTracker({ authenticate, ban: { maxRetry: 100 } }) })
afterEach(async () => { await running.close() })

describe('announce paths', () => {
  it('puts the token in the path, percent-encoded, and parses it back', () => {
    expect(announcePath(null)).toBe('/announce')
    expect(announcePath(SHARE_TOKEN)).toBe('/announce/share%2Ftoken%2Bfor%20one%20item')
    expect(parseTrackerPath(`${announcePath(SHARE_TOKEN)}?info_hash=x`)).toEqual({ endpoint: 'announce', token: SHARE_TOKEN })
    expect(parseTrackerPath('/announce?info_hash=x')).toEqual({ endpoint: 'announce', token: null })
    expect(parseTrackerPath('/scrape/abc')).toEqual({ endpoint: 'scrape', token: 'abc' })
    expect(parseTrackerPath('/announce/')).toEqual({ endpoint: 'announce', token: '' })
    expect(parseTrackerPath('/announce/%E0%A4%A')).toEqual({ endpoint: 'announce', token: '%E0%A4%A' })
    expect(parseTrackerPath('/announcements')).toBeNull()
    expect(parseTrackerPath('/api/catalog')).toBeNull()
  })
})

describe('credentials over HTTP', () => {
  it('answers a missing credential with 401 and a bencoded failure reason', async () => {
    const { status, body } = await httpGet(running.httpUrl(`/announce?${httpAnnounceQuery(SHARED)}`))
    expect(status).toBe(401)
    expect(text(body['failure reason'])).toMatch(/credential/)
    expect(running.tracker.stats().refused.missingCredential).toBe(1)
  })

  it('answers a wrong credential with 403', async () => {
    for (const path of ['/announce/nope', '/announce/', '/scrape/nope']) {
      const { status, body } = await httpGet(running.httpUrl(`${path}?${httpAnnounceQuery(SHARED)}`))
      expect(status).toBe(403)
      expect(text(body['failure reason'])).toMatch(/wrong credential/)
    }
    expect(running.tracker.stats().refused.wrongCredential).toBe(3)
  })

  it('serves the household credential', async () => {
    const { status, body } = await httpGet(running.httpUrl(`${announcePath(HOUSEHOLD_TOKEN)}?${httpAnnounceQuery(OTHER)}`))
    expect(status).toBe(200)
    expect(body['failure reason']).toBeUndefined()
    expect(body.complete).toBe(1)
  })

  it('lets a share token announce and scrape its own infohash only', async () => {
    const own = await httpGet(running.httpUrl(`${announcePath(SHARE_TOKEN)}?${httpAnnounceQuery(SHARED)}`))
    expect(own.body['failure reason']).toBeUndefined()
    expect(own.body.complete).toBe(1)

    const other = await httpGet(running.httpUrl(`${announcePath(SHARE_TOKEN)}?${httpAnnounceQuery(OTHER)}`))
    expect(text(other.body['failure reason'])).toMatch(/does not admit/)
    expect(running.tracker.stats()).toMatchObject({ torrents: 1, refused: { shareScope: 1 } })

    const scrapeOwn = await httpGet(running.httpUrl(`/scrape/${encodeURIComponent(SHARE_TOKEN)}?info_hash=${percentEncodeBytes(SHARED)}`))
    expect(scrapeOwn.status).toBe(200)
    expect(scrapeOwn.body.files).toBeDefined()
    for (const query of [`info_hash=${percentEncodeBytes(OTHER)}`, '']) {
      const scrape = await httpGet(running.httpUrl(`/scrape/${encodeURIComponent(SHARE_TOKEN)}?${query}`))
      expect(scrape.status).toBe(403)
    }
  })
})

describe('credentials over WebSocket', () => {
  it('refuses the upgrade with 401 without a credential and 403 with a wrong one', async () => {
    expect(await upgradeRefusal(running.wsUrl('/announce'))).toMatchObject({ status: 401, body: expect.stringMatching(/credential/) })
    expect(await upgradeRefusal(running.wsUrl('/announce/wrong'))).toMatchObject({ status: 403, body: expect.stringMatching(/wrong credential/) })
    expect(running.tracker.stats()).toMatchObject({ webSocketConnections: 0, refused: { missingCredential: 1, wrongCredential: 1 } })
  })

  it('serves the household credential', async () => {
    const socket = await openSocket(running.wsUrl(announcePath(HOUSEHOLD_TOKEN)))
    const reply = nextMessage(socket)
    socket.send(wsAnnounce(OTHER, '-WW0208-household001'))
    expect(await reply).toMatchObject({ action: 'announce', complete: 1 })
  })

  it('lets a share token announce its infohash and refuses any other, with the infohash in the reply', async () => {
    const socket = await openSocket(running.wsUrl(announcePath(SHARE_TOKEN)))
    let reply = nextMessage(socket)
    socket.send(wsAnnounce(SHARED, '-WW0208-friend000001'))
    expect(await reply).toMatchObject({ action: 'announce', complete: 1, info_hash: binaryString(SHARED) })

    reply = nextMessage(socket)
    socket.send(wsAnnounce(OTHER, '-WW0208-friend000001'))
    const refused = await reply
    expect(refused['failure reason']).toMatch(/does not admit/)
    expect(refused.info_hash).toBe(binaryString(OTHER))

    reply = nextMessage(socket)
    socket.send(JSON.stringify({ action: 'scrape' }))
    expect((await reply)['failure reason']).toMatch(/does not admit/)
    expect(running.tracker.stats()).toMatchObject({ torrents: 1, refused: { shareScope: 2 } })
  })

  it('treats an authenticate hook that throws as a refusal', async () => {
    await running.close()
    running = await startTracker({ authenticate: () => { throw new Error('key store down') } })
    expect((await upgradeRefusal(running.wsUrl('/announce/x'))).status).toBe(403)
    expect((await httpGet(running.httpUrl(`/announce?${httpAnnounceQuery(SHARED)}`))).status).toBe(401)
  })
})

describe('without an authenticate hook', () => {
  it('admits everyone as a household member, on the bare path and with any token', async () => {
    await running.close()
    running = await startTracker()
    expect((await httpGet(running.httpUrl(`/announce?${httpAnnounceQuery(SHARED)}`))).status).toBe(200)
    expect((await httpGet(running.httpUrl(`/announce/anything?${httpAnnounceQuery(OTHER)}`))).status).toBe(200)
    await openSocket(running.wsUrl('/announce'))
  })
})
