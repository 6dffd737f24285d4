/**
 * Issue 15's load measure: one live channel (a looped H.264 clip) watched by N viewers with and without
 * P2P; the seed node's upload for the channel (its own `/api/status` counter: every byte of
 * segments and playlists it served) and CPU, counted once every viewer plays (with P2P: has
 * met another viewer) and a warm-up has passed, so joining costs (a new viewer's first
 * segments come over HTTP) do not count as the steady state.
 *
 * Where the run may build the namespaced test LAN (root in the bench's namespace), the seed
 * node runs on its router over HTTPS and the viewers are contexts of two Chromiums, one per
 * device host, taking turns: browser-to-browser WebRTC between contexts of one Chromium on
 * loopback does not connect (README "Tests", the loopback fixme), which would leave P2P
 * unmeasured. Otherwise everything runs on loopback, and the report says which.
 */
import { spawn } from 'node:child_process'
import { access, mkdtemp, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { LiveListReply } from '../../protocol/api/live.ts'
import { StatusReply } from '../../protocol/api/status.ts'
import { startHouseholdLan } from '../../e2e/lan/household-lan.ts'
import { lanApi } from '../../e2e/lan/lan-api.ts'
import { launchLanBrowser } from '../../e2e/lan/lan-device.ts'
import { canBuildTestLan } from '../../e2e/lan/test-lan.ts'
import type { BenchContext } from '../support/bench-context.ts'
import { KEEP_NAMES_SHIM, launchBrowser, pairPage, until } from '../support/bench-browser.ts'
import { startBenchSeedNode } from '../support/bench-seed-node.ts'
import { seedNodeJson } from '../support/seed-node-http.ts'
import { median } from '../support/stats.ts'

/** With P2P, the wait for every viewer to have met another (tracker announce, WebRTC offer and answer). */
const PEERS_MET_TIMEOUT_MS = 60 * 1000
const CLOCK_TICKS_PER_SEC = 100 // Linux USER_HZ
/**
 * The channel's source: a small H.264 clip looped (copied, not encoded, as a camera's H.264
 * is), light to decode but with a camera's bitrate (noise keeps x264 spending 1 Mbit/s, so
 * playlists weigh what they weigh beside real video): upload is a ratio of bytes, and five
 * viewers decoding 640×360 on a loaded two-core machine risk stalling (a stalled player
 * fetches less, which would pass for offload).
 */
const CLIP = { size: '320x180', fps: 15, seconds: 60, videoBitrate: '1M' }

async function lightClip (ctx: BenchContext): Promise<string> {
  const file = path.join(ctx.tmpDir, 'live-load-clip.mp4')
  if (await access(file).then(() => true, () => false)) return file
  const args = ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `testsrc2=size=${CLIP.size}:rate=${CLIP.fps}`, '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
    '-t', String(CLIP.seconds), '-vf', 'noise=alls=30:allf=t', '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-b:v', CLIP.videoBitrate, '-maxrate', CLIP.videoBitrate, '-bufsize', CLIP.videoBitrate,
    '-g', String(CLIP.fps), '-keyint_min', String(CLIP.fps), '-sc_threshold', '0', '-c:a', 'aac', '-b:a', '64k', '-shortest', '-y', file]
  await new Promise<void>((resolve, reject) => {
    const child = spawn('ffmpeg', args, { stdio: 'ignore' })
    child.once('error', reject)
    child.once('close', code => code === 0 ? resolve() : reject(new Error(`ffmpeg made no clip (exit ${code ?? '?'})`)))
  })
  return file
}

/** A seed node with the channel, and where its viewers come from. */
interface LoadStage {
  where: 'LAN' | 'loopback'
  url: string
  pairingLink: string
  apiGet: (pathname: string) => Promise<unknown>
  cpuSec: () => Promise<number>
  /** A fresh visitor's page (its own context) for viewer number `index`. */
  newPage: (index: number) => Promise<Page>
  close: () => Promise<void>
}

export const loadStageKind = (): LoadStage['where'] => canBuildTestLan() ? 'LAN' : 'loopback'

async function processCpuSec (pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SEC
}

async function freshPage (browser: Browser): Promise<Page> {
  const context = await browser.newContext()
  await context.addInitScript(KEEP_NAMES_SHIM)
  return await context.newPage()
}

async function startLanStage (args: string[]): Promise<LoadStage> {
  const household = await startHouseholdLan({ args })
  const browsers = [] as Array<Awaited<ReturnType<typeof launchLanBrowser>>>
  try {
    for (const [name, host] of [['benchA', household.lan.deviceA], ['benchB', household.lan.deviceB]] as const) {
      browsers.push(await launchLanBrowser(name, host, { trustedCaFiles: [household.caFile] }))
    }
  } catch (err) {
    for (const browser of browsers) await browser.dispose()
    await household.close()
    throw err
  }
  // nsenter and env exec the program: the launched pid is the seed node's.
  const pid = household.node.cli.launched.child.pid ?? NaN
  return {
    where: 'LAN',
    url: household.node.url,
    pairingLink: household.node.pairingLink,
    apiGet: async pathname => (await lanApi(household.api, 'GET', pathname)).json,
    cpuSec: async () => await processCpuSec(pid),
    newPage: async index => {
      const browser = browsers[index % browsers.length]
      if (browser === undefined) throw new Error('no LAN browser')
      return await freshPage(browser.browser)
    },
    close: async () => {
      for (const browser of browsers) await browser.dispose()
      await household.close()
    }
  }
}

async function startLoopbackStage (ctx: BenchContext, args: string[]): Promise<LoadStage> {
  const library = await mkdtemp(path.join(ctx.tmpDir, 'live-lib-'))
  const node = await startBenchSeedNode({ library, stateDir: await mkdtemp(path.join(ctx.tmpDir, 'live-state-')), args })
  const browser = await launchBrowser()
  return {
    where: 'loopback',
    url: node.url,
    pairingLink: node.pairingLink,
    apiGet: async pathname => await seedNodeJson(node.url, pathname, node.pairingLink),
    cpuSec: async () => (await node.process.sample()).cpuSec,
    newPage: async () => await freshPage(browser),
    close: async () => {
      await browser.close()
      await node.stop()
    }
  }
}

/** A viewer's segment bytes as its player counts them (from the seed node, from peers), and its peers now. */
interface PageTransfer { http: number, peer: number, peers: number }

async function pageTransfer (page: Page): Promise<PageTransfer> {
  const line = page.getByTestId('live-peer-bytes')
  const read = async (name: string): Promise<number> => Number(await line.getAttribute(name, { timeout: 1000 }).catch(() => '0') ?? '0')
  return { http: await read('data-http-bytes'), peer: await read('data-peer-bytes'), peers: await read('data-peers') }
}

async function sumTransfers (pages: Page[]): Promise<PageTransfer> {
  const all = await Promise.all(pages.map(pageTransfer))
  return all.reduce((sum, one) => ({ http: sum.http + one.http, peer: sum.peer + one.peer, peers: sum.peers + one.peers }), { http: 0, peer: 0, peers: 0 })
}

async function latencyOf (page: Page): Promise<number | null> {
  const text = await page.getByTestId('live-latency').getAttribute('data-seconds', { timeout: 1000 }).catch(() => null)
  return text === null || text === '' ? null : Number(text)
}

async function onlineChannelId (stage: LoadStage): Promise<string> {
  let id: string | null = null
  await until('the channel to come online', async () => {
    const channel = LiveListReply.parse(await stage.apiGet('/api/live')).channels[0]
    id = channel?.state === 'online' ? channel.id : null
    return id !== null
  }, 60 * 1000, 250)
  if (id === null) throw new Error('no channel')
  return id
}

export interface LoadResult {
  viewers: number
  p2p: boolean
  where: LoadStage['where']
  cpuPercent: number
  /** The seed node's HTTP bytes for the channel (segments and playlists) per second. */
  uploadBytesPerSec: number
  /** Of the segment bytes the viewers got, the share that came from peers. */
  peerShare: number
  /** Connections to other viewers, summed over viewers, at the end (a full mesh of n is n(n−1)). */
  peerLinks: number
  /** Median latency of the first viewer during the count. */
  latencySec: number
  /** The largest latency of any viewer at the end: far beyond the hold, players stalled (an overloaded machine) and the upload figure means little. */
  worstLatencySec: number
  measuredSec: number
}

export interface LoadRun {
  p2p: boolean
  viewers: number
  seconds: number
  warmupSec: number
  /** `testsrc`: the latency picture (encoded by the seed node's ffmpeg, as the nginx setup's); `clip`: the light clip for load. */
  source: 'testsrc' | 'clip'
}

export async function measureLoad (ctx: BenchContext, { p2p, viewers, seconds, warmupSec, source }: LoadRun): Promise<LoadResult> {
  const channel = source === 'testsrc' ? 'Cam=testsrc' : `Cam=loop:${await lightClip(ctx)}`
  const args = ['--live', channel, '--live-window', '60', ...(p2p ? ['--live-p2p', 'Cam'] : [])]
  const stage = loadStageKind() === 'LAN' ? await startLanStage(args) : await startLoopbackStage(ctx, args)
  try {
    const id = await onlineChannelId(stage)
    const pages: Page[] = []
    for (let index = 0; index < viewers; index++) {
      const page = await stage.newPage(index)
      await pairPage(page, stage.pairingLink)
      // Opened with a click on the Live row, as a user does: Chromium's default autoplay policy
      // (the LAN browsers run with default flags) leaves a channel opened by URL alone paused.
      await page.goto(stage.url)
      await page.locator(`[data-testid="live-channel"][data-channel-id="${id}"]`).click()
      pages.push(page)
    }
    for (const page of pages) await until('every viewer to play', async () => (await latencyOf(page)) !== null, 60 * 1000, 250)
    if (p2p && viewers > 1) {
      await until('every viewer to meet another', async () => (await Promise.all(pages.map(pageTransfer))).every(one => one.peers > 0), PEERS_MET_TIMEOUT_MS, 500)
    }
    await new Promise(resolve => setTimeout(resolve, warmupSec * 1000))
    const served = async (): Promise<number> => StatusReply.parse(await stage.apiGet('/api/status')).live?.[0]?.bytesServed ?? 0
    const [bytesBefore, pagesBefore, cpuBefore] = [await served(), await sumTransfers(pages), await stage.cpuSec()]
    const started = performance.now()
    const latency: number[] = []
    while (performance.now() - started < seconds * 1000) {
      const first = pages[0]
      const value = first === undefined ? null : await latencyOf(first)
      if (value !== null) latency.push(value)
      await new Promise(resolve => setTimeout(resolve, 1000))
    }
    const elapsedSec = (performance.now() - started) / 1000
    const [bytesAfter, pagesAfter, cpuAfter] = [await served(), await sumTransfers(pages), await stage.cpuSec()]
    const latencies = (await Promise.all(pages.map(latencyOf))).filter((value): value is number => value !== null)
    const peerBytes = pagesAfter.peer - pagesBefore.peer
    const segmentBytes = (pagesAfter.http - pagesBefore.http) + peerBytes
    ctx.log(`live load: ${viewers} viewer(s), P2P ${p2p ? 'on' : 'off'} (${stage.where}): ${((bytesAfter - bytesBefore) / elapsedSec / 1000).toFixed(0)} kB/s served, ${segmentBytes === 0 ? 0 : Math.round(100 * peerBytes / segmentBytes)} % of segment bytes from peers, ${pagesAfter.peers} peer links, latency ${median(latency).toFixed(1)} s (worst viewer ${Math.max(...latencies).toFixed(1)} s)`)
    return {
      viewers,
      p2p,
      where: stage.where,
      cpuPercent: 100 * (cpuAfter - cpuBefore) / elapsedSec,
      uploadBytesPerSec: (bytesAfter - bytesBefore) / elapsedSec,
      peerShare: segmentBytes === 0 ? 0 : peerBytes / segmentBytes,
      peerLinks: pagesAfter.peers,
      latencySec: median(latency),
      worstLatencySec: Math.max(...latencies),
      measuredSec: elapsedSec
    }
  } finally {
    await stage.close()
  }
}
