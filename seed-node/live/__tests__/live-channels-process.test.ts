/**
 * Live channels in a real seed node fed by ffmpeg's testsrc2: refusals at start (one line),
 * the access rules on playlists, segments and stills (household credential, a channel's
 * share token admits that channel alone, no path leaves the ring), the caching headers, and
 * the ring's bound on disk after many times its window of segments; an unreachable camera's
 * password never reaches a reader of the API, nor a reason past the schema's bound.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readdir } from 'node:fs/promises'
import { createServer } from 'node:net'
import path from 'node:path'
import { LiveChannel as LiveChannelEntry, LiveListReply, LiveShareReply, liveFilePath, type LiveChannel } from '../../../protocol/api/live.ts'
import { StatusReply, type LiveChannelStatus } from '../../../protocol/api/status.ts'
import { guestChannelOfPath, parseLiveShareFragment } from '../../../protocol/live-share-link.ts'
import { api } from '../../testing/seed-node-api.ts'
import { makeStateDir, removeDir, refusalOf, runSeedNodeCli, startSeedNodeProcess, type SeedNodeProcess } from '../../testing/seed-node-process.ts'
import { listSizeFor, ringFileBound } from '../live-args.ts'
import { LIVE_FOLDER } from '../live-ring.ts'

const WINDOW_SEC = 10
const SEGMENT_SEC = 1
/** Bound on a channel coming online (ffmpeg start, first segment) on a busy machine. */
const ONLINE_TIMEOUT_MS = 60 * 1000
const POLL_MS = 500

let stateDir = ''
let node: SeedNodeProcess | null = null
/** Before the seed node started: no channel can have made segments for longer than since then. */
let nodeStartedMs = 0

const running = (): SeedNodeProcess => {
  if (node === null) throw new Error('the seed node starts in beforeAll')
  return node
}

async function channels (): Promise<LiveChannel[]> {
  return LiveListReply.parse((await api(running(), 'GET', '/api/live')).json).channels
}

async function waitOnline (name: string): Promise<LiveChannel> {
  const deadline = Date.now() + ONLINE_TIMEOUT_MS
  while (Date.now() < deadline) {
    const channel = (await channels()).find(candidate => candidate.name === name)
    if (channel?.state === 'online') return channel
    await new Promise(resolve => setTimeout(resolve, POLL_MS))
  }
  throw new Error(`${name} did not come online within ${ONLINE_TIMEOUT_MS} ms:\n${running().output().slice(-2000)}`)
}

/** A loopback port nothing listens on (bound, then let go): the IP camera that refuses. */
async function closedPort (): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise(resolve => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

const CAMERA_PASSWORD = 'hunter2secret'

const get = async (pathname: string): Promise<Response> => await fetch(new URL(pathname, running().url))

beforeAll(async () => {
  stateDir = await makeStateDir()
  nodeStartedMs = Date.now()
  node = await startSeedNodeProcess({ stateDir, args: ['--live', 'Cam=testsrc', '--live', 'Other=testsrc', '--live', 'Gone=/dev/video-hearth-none', '--live', `Ipcam=rtsp://admin:${CAMERA_PASSWORD}@127.0.0.1:${await closedPort()}/${'stream'.repeat(50)}`, '--live-window', String(WINDOW_SEC), '--live-segment', String(SEGMENT_SEC)] })
}, ONLINE_TIMEOUT_MS)

afterAll(async () => {
  await node?.stop()
  if (stateDir) await removeDir(stateDir)
})

describe('live channels, refused at start with one line', () => {
  const lines = (stderr: string): string[] => stderr.split('\n').filter(line => line.startsWith('hearth:'))
  it.each([
    [['--live', 'Cam'], 'hearth: --live must be "Name=source", got "Cam"'],
    [['--live', 'Cam=testsrc', '--live', 'cam=/dev/video9'], 'hearth: --live two channels are named "cam": give each its own name'],
    [['--live', 'Demo=loop:/nonexistent/clip.mp4'], 'hearth: --live channel "Demo": cannot read /nonexistent/clip.mp4']
  ])('%j', async (args, line) => {
    expect(await refusalOf(args)).toEqual({ code: 2, lines: [line] })
  })

  it('without ffmpeg on the machine', async () => {
    const saved = process.env.HEARTH_FFMPEG
    process.env.HEARTH_FFMPEG = '/nonexistent/ffmpeg'
    const scratch = await makeStateDir()
    try {
      const outcome = await runSeedNodeCli(['--live', 'Cam=testsrc', '--state', scratch, '--port', '0'])
      expect(outcome.code).toBe(2)
      expect(lines(outcome.stderr)).toEqual(['hearth: --live needs ffmpeg, which is not on this machine: install it (apt install ffmpeg, opkg install ffmpeg) or point HEARTH_FFMPEG at it'])
    } finally {
      if (saved === undefined) delete process.env.HEARTH_FFMPEG
      else process.env.HEARTH_FFMPEG = saved
      await removeDir(scratch)
    }
  })
})

describe('a source that cannot be read', () => {
  it('makes its channel offline, with the reason, while the seed node and the other channels go on', async () => {
    await waitOnline('Cam')
    await expect.poll(async () => (await channels()).find(channel => channel.name === 'Gone')?.state, { timeout: ONLINE_TIMEOUT_MS }).toBe('offline')
    const gone = (await channels()).find(channel => channel.name === 'Gone')
    expect(gone?.reason).toMatch(/^source cannot be read: /)
    expect((await get(liveFilePath(running().credential, gone?.id ?? '', 'index.m3u8'))).status).toBe(404)
  }, ONLINE_TIMEOUT_MS + 10_000)
})

describe('an IP camera that refuses, with a password in its URL', () => {
  // ffprobe's last line names the URL, password included, and is longer than the schema's 300 characters.
  it('shows why without the password, within the bound, and a friend gets no reason', async () => {
    const offline = async (): Promise<LiveChannel | undefined> => (await channels()).find(channel => channel.name === 'Ipcam' && channel.reason !== null)
    await expect.poll(offline, { timeout: ONLINE_TIMEOUT_MS }).toBeDefined()
    const ipcam = await offline()
    expect(ipcam?.reason).toMatch(/^source cannot be read: rtsp:\/\/127\.0\.0\.1:\d+\/stream/)
    expect(ipcam?.reason).not.toContain(CAMERA_PASSWORD)
    const status = StatusReply.parse((await api(running(), 'GET', '/api/status')).json).live?.find(channel => channel.name === 'Ipcam')
    expect(status?.lastError).toMatch(/^source cannot be read: rtsp:\/\/127/)
    expect(status?.lastError).not.toContain(CAMERA_PASSWORD)
    const household = LiveChannelEntry.parse(await (await get(liveFilePath(running().credential, ipcam?.id ?? '', 'channel.json'))).json())
    expect(household.reason).toMatch(/^source cannot be read: /)
    expect(household.reason).not.toContain(CAMERA_PASSWORD)
    const share = LiveShareReply.parse((await api(running(), 'GET', `/api/live/${ipcam?.id ?? ''}/share`)).json)
    const guest = LiveChannelEntry.parse(await (await get(liveFilePath(share.token, ipcam?.id ?? '', 'channel.json'))).json())
    expect(guest).toMatchObject({ name: 'Ipcam', state: 'offline', reason: null })
    expect(running().output()).not.toContain(CAMERA_PASSWORD)
  }, ONLINE_TIMEOUT_MS + 10_000)
})

describe('live channel access', () => {
  it('serves the playlist uncached and segments immutable to the household', async () => {
    const cam = await waitOnline('Cam')
    const playlist = await get(liveFilePath(running().credential, cam.id, 'index.m3u8'))
    expect(playlist.status).toBe(200)
    expect(playlist.headers.get('cache-control')).toBe('no-cache')
    // Compressed for a client that accepts it (fetch asks for it and decodes it): players fetch it every segment.
    expect(['br', 'gzip']).toContain(playlist.headers.get('content-encoding'))
    const text = await playlist.text()
    expect(text).toContain('#EXT-X-INDEPENDENT-SEGMENTS')
    expect(text).toContain('#EXT-X-PROGRAM-DATE-TIME')
    const segment = text.split('\n').filter(line => line.endsWith('.m4s')).at(-1) ?? ''
    const init = /URI="([^"]+)"/.exec(text)?.[1] ?? ''
    for (const file of [segment, init]) {
      const res = await get(liveFilePath(running().credential, cam.id, file))
      expect(res.status, file).toBe(200)
      expect(res.headers.get('cache-control')).toContain('immutable')
      expect(res.headers.get('content-type')).toBe('video/mp4')
      await res.arrayBuffer() // read to the end: a body left hanging would still be sending while the counters are read
    }
    const still = await get(liveFilePath(running().credential, cam.id, 'still.jpg'))
    expect(still.status).toBe(200)
    expect(still.headers.get('content-type')).toBe('image/jpeg')
    expect((await still.arrayBuffer()).byteLength).toBeGreaterThan(1000)
  }, ONLINE_TIMEOUT_MS + 10_000)

  it('refuses playlists and segments without the credential, and a share token admits its channel only', async () => {
    const cam = await waitOnline('Cam')
    const other = await waitOnline('Other')
    expect((await get(`/live/${cam.id}/index.m3u8`)).status).toBe(401)
    expect((await get('/live')).status).toBe(401)
    expect((await fetch(new URL('/api/live', running().url))).status).toBe(401)
    const share = LiveShareReply.parse((await api(running(), 'GET', `/api/live/${cam.id}/share`)).json)
    expect((await get(share.playlistUrl)).status).toBe(200)
    expect((await get(liveFilePath(share.token, other.id, 'index.m3u8'))).status).toBe(403)
    // The friend's link opens the app's guest page, which reads the channel's name and state with the token.
    const link = new URL(share.link)
    expect(link.origin).toBe(new URL(running().url).origin)
    expect(guestChannelOfPath(link.pathname)).toBe(cam.id)
    expect(parseLiveShareFragment(link.hash)).toBe(share.token)
    const info = await get(liveFilePath(share.token, cam.id, 'channel.json'))
    expect(info.status).toBe(200)
    expect(LiveChannelEntry.parse(await info.json())).toMatchObject({ id: cam.id, name: 'Cam', state: 'online' })
    expect((await get(liveFilePath(share.token, other.id, 'channel.json'))).status).toBe(403)
    // A share token is no household credential: the channel list stays closed to it.
    expect((await fetch(new URL('/api/live', running().url), { headers: { authorization: `Bearer ${share.token}` } })).status).toBe(403)
  }, ONLINE_TIMEOUT_MS + 10_000)

  it('never serves a path outside the ring', async () => {
    const cam = await waitOnline('Cam')
    const credential = running().credential
    for (const file of ['share-secret', '..%2Fshare-secret', 'index.m3u8.tmp', 'still.png']) {
      expect((await get(`/live/${credential}/${cam.id}/${file}`)).status, file).toBe(404)
    }
    // URL dot segments (also %2E%2E) are resolved by the client before the request: they reach other paths, never a file.
    for (const pathname of [`/live/${credential}/${cam.id}/../../share-secret`, `/live/${credential}/${cam.id}/%2E%2E/%2E%2E/share-secret`, `/live/${credential}/..%2F..%2Flibrary-key/index.m3u8`]) {
      expect([400, 401, 404], pathname).toContain((await get(pathname)).status)
    }
    expect((await get(liveFilePath(credential, 'f'.repeat(40), 'index.m3u8'))).status).toBe(404)
  }, ONLINE_TIMEOUT_MS + 10_000)
})

describe('live counters in /api/status', () => {
  async function liveStatus (name: string): Promise<LiveChannelStatus | undefined> {
    return StatusReply.parse((await api(running(), 'GET', '/api/status')).json).live?.find(channel => channel.name === name)
  }

  it('count segments made, bytes served, distinct players, ring bytes, and why a channel went offline', async () => {
    const cam = await waitOnline('Cam')
    const before = await liveStatus('Cam')
    if (before === undefined) throw new Error('no counters for Cam')
    const playlistUrl = liveFilePath(running().credential, cam.id, 'index.m3u8')
    const texts = await Promise.all(['player-one', 'player-two'].map(async viewer => await (await get(`${playlistUrl}?viewer=${viewer}`)).text()))
    const segment = texts[0]?.split('\n').filter(line => line.endsWith('.m4s')).at(-1) ?? ''
    const segmentBytes = (await (await get(liveFilePath(running().credential, cam.id, segment))).arrayBuffer()).byteLength
    await expect.poll(async () => (await liveStatus('Cam'))?.segmentsWritten, { timeout: 20_000 }).toBeGreaterThan(before.segmentsWritten)
    // At most one a second (1 s segments, a live source runs in real time) since the seed node
    // started: counted from the node's start, not the channel's `since`, which the watchdog sets
    // a tick or more after ffmpeg's first segment, and again after a restart.
    const runningForSec = (Date.now() - nodeStartedMs) / 1000
    expect(before.segmentsWritten).toBeGreaterThan(0)
    expect(before.segmentsWritten).toBeLessThanOrEqual(Math.ceil(runningForSec) + 2)
    const after = await liveStatus('Cam')
    expect(after).toMatchObject({ id: cam.id, state: 'online', lastError: null })
    expect(after?.viewers).toBeGreaterThanOrEqual(2)
    expect(after?.viewerWindowSec).toBeGreaterThan(0)
    // The segment, and the two playlists as sent (compressed: fewer bytes than their text).
    expect((after?.bytesServed ?? 0) - before.bytesServed).toBeGreaterThan(segmentBytes + 2 * 20)
    // The ring is measured every few seconds (live-counters.ts): the first measure may predate this segment.
    await expect.poll(async () => (await liveStatus('Cam'))?.ringBytes, { timeout: 20_000 }).toBeGreaterThan(segmentBytes)
    const gone = await liveStatus('Gone')
    expect(gone).toMatchObject({ state: 'offline', viewers: 0, segmentsWritten: 0, ringBytes: 0 })
    expect(gone?.lastError).toMatch(/^source cannot be read: /)
  }, ONLINE_TIMEOUT_MS + 30_000)
})

describe('the segment ring', () => {
  it(`stays under its bound after ${3 * WINDOW_SEC} segments of a ${WINDOW_SEC}-segment window`, async () => {
    const cam = await waitOnline('Cam')
    const dir = path.join(stateDir, LIVE_FOLDER, cam.id)
    const bound = ringFileBound(listSizeFor(WINDOW_SEC, SEGMENT_SEC))
    const seen = new Set<string>()
    let most = 0
    // Counted in segments made, not in seconds: the check ends once three windows of new segments have passed through.
    const already = (await readdir(dir)).filter(file => file.endsWith('.m4s')).length
    while (seen.size < already + 3 * WINDOW_SEC) {
      const files = await readdir(dir)
      most = Math.max(most, files.length)
      for (const file of files) if (file.endsWith('.m4s')) seen.add(file)
      await new Promise(resolve => setTimeout(resolve, POLL_MS))
    }
    expect(most).toBeLessThanOrEqual(bound)
  }, 5 * 60 * 1000)
})
