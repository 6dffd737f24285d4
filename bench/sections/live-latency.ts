/**
 * Issue 15: live channels. (1) Glass-to-glass latency: the same testsrc2 picture with the
 * wall clock burned in, measured in the page as now − the program date time of the frame on
 * screen (ffmpeg stamps each segment with its wall clock, `#EXT-X-PROGRAM-DATE-TIME`), for
 * Hearth direct, Hearth with P2P, and the setup Hearth replaces: ffmpeg writing 2 s HLS
 * (MPEG-TS) served by nginx, played with hls.js's defaults. (2) The seed node's CPU and
 * upload (the HTTP bytes its viewers received) with 1, 3 and 5 viewers, with and without P2P.
 * Noisy on a shared machine: read ratios, not absolute figures.
 */
import { spawn } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'
import type { BenchContext } from '../support/bench-context.ts'
import { KEEP_NAMES_SHIM, launchBrowser, pairPage, until } from '../support/bench-browser.ts'
import { REPO_ROOT, startBenchSeedNode, type BenchSeedNode } from '../support/bench-seed-node.ts'
import { startNginx } from '../support/nginx-server.ts'
import { credentialFromPairingLink } from '../support/seed-node-http.ts'
import type { SectionResult } from '../support/report.ts'
import { median, medianRange, ratio } from '../support/stats.ts'

const SAMPLE_EVERY_MS = 1000
const TESTSRC = "testsrc2=size=640x360:rate=25,drawtext=text='%{localtime\\:%T}':fontsize=40:fontcolor=white:box=1:boxcolor=black@0.6:x=16:y=16"

/** The setup Hearth replaces: hls.js with its defaults on a playlist nginx serves. */
const NGINX_PAGE = `<!doctype html><meta charset="utf-8"><title>bench</title>
<video id="v" muted autoplay playsinline></video>
<script src="/hls.light.min.js"></script>
<script>
  const hls = new Hls()
  hls.loadSource('/live/index.m3u8')
  hls.attachMedia(document.getElementById('v'))
  window.latencySec = () => hls.playingDate ? (Date.now() - hls.playingDate.getTime()) / 1000 : null
</script>`

/** ffmpeg as the nginx setup runs it: 2 s MPEG-TS segments, a keyframe every segment. */
function startNginxFfmpeg (dir: string): { stop: () => void } {
  const child = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', TESTSRC, '-re', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
    '-map', '0:v', '-map', '1:a', '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-force_key_frames', 'expr:gte(t,n_forced*2)', '-c:a', 'aac', '-b:a', '96k',
    '-f', 'hls', '-hls_time', '2', '-hls_list_size', '6', '-hls_flags', 'delete_segments+program_date_time+temp_file', path.join(dir, 'index.m3u8')], { stdio: 'ignore' })
  return { stop: () => { child.kill('SIGKILL') } }
}

async function sampleLatency (page: Page, read: () => Promise<number | null>, seconds: number): Promise<number[]> {
  await until('the picture to show a latency', async () => (await read()) !== null, 60 * 1000, 250)
  const samples: number[] = []
  for (let i = 0; i < seconds; i++) {
    const value = await read()
    if (value !== null) samples.push(value)
    await page.waitForTimeout(SAMPLE_EVERY_MS)
  }
  return samples
}

const hearthLatency = (page: Page) => async (): Promise<number | null> => {
  const text = await page.getByTestId('live-latency').getAttribute('data-seconds').catch(() => null)
  return text === null || text === '' ? null : Number(text)
}

async function channelId (node: BenchSeedNode): Promise<string> {
  const credential = await credentialFromPairingLink(node.pairingLink)
  let id: string | null = null
  await until('the channel to come online', async () => {
    const reply = await (await fetch(`${node.url}/api/live`, { headers: { authorization: `Bearer ${credential}` } })).json() as { channels: Array<{ id: string, state: string }> }
    id = reply.channels[0]?.state === 'online' ? reply.channels[0].id : null
    return id !== null
  }, 60 * 1000, 250)
  if (id === null) throw new Error('no channel')
  return id
}

async function openViewers (browser: Browser, node: BenchSeedNode, id: string, count: number): Promise<{ pages: Page[], close: () => Promise<void> }> {
  const contexts = await Promise.all(Array.from({ length: count }, async () => await browser.newContext()))
  const pages: Page[] = []
  for (const context of contexts) {
    await context.addInitScript(KEEP_NAMES_SHIM)
    const page = await context.newPage()
    await pairPage(page, node.pairingLink)
    await page.goto(`${node.url}/channel/${id}`)
    pages.push(page)
  }
  return { pages, close: async () => { await Promise.all(contexts.map(async context => await context.close())) } }
}

async function httpBytes (page: Page): Promise<number> {
  return Number(await page.getByTestId('live-peer-bytes').getAttribute('data-http-bytes').catch(() => '0') ?? '0')
}

interface LoadResult { viewers: number, p2p: boolean, cpuPercent: number, uploadBytesPerSec: number, latencySec: number }

async function measureLoad (ctx: BenchContext, browser: Browser, p2p: boolean, viewers: number, seconds: number): Promise<LoadResult> {
  const library = await mkdtemp(path.join(ctx.tmpDir, 'live-lib-'))
  const node = await startBenchSeedNode({ library, stateDir: await mkdtemp(path.join(ctx.tmpDir, 'live-state-')), args: ['--live', 'Cam=testsrc', '--live-window', '60', ...(p2p ? ['--live-p2p', 'Cam'] : [])] })
  try {
    const id = await channelId(node)
    const open = await openViewers(browser, node, id, viewers)
    try {
      const first = open.pages[0]
      if (first === undefined) throw new Error('no viewer')
      await sampleLatency(first, hearthLatency(first), 5) // settle: every viewer playing
      const bytesBefore = (await Promise.all(open.pages.map(httpBytes))).reduce((a, b) => a + b, 0)
      const cpuBefore = (await node.process.sample()).cpuSec
      const started = performance.now()
      const latency = await sampleLatency(first, hearthLatency(first), seconds)
      const elapsedSec = (performance.now() - started) / 1000
      const cpuAfter = (await node.process.sample()).cpuSec
      const bytesAfter = (await Promise.all(open.pages.map(httpBytes))).reduce((a, b) => a + b, 0)
      return { viewers, p2p, cpuPercent: 100 * (cpuAfter - cpuBefore) / elapsedSec, uploadBytesPerSec: (bytesAfter - bytesBefore) / elapsedSec, latencySec: median(latency) }
    } finally {
      await open.close()
    }
  } finally {
    await node.stop()
  }
}

async function nginxLatency (ctx: BenchContext, browser: Browser, seconds: number): Promise<number[]> {
  const www = await mkdtemp(path.join(ctx.tmpDir, 'live-www-'))
  await mkdir(path.join(www, 'live'), { recursive: true })
  await copyFile(path.join(REPO_ROOT, 'node_modules/hls.js/dist/hls.light.min.js'), path.join(www, 'hls.light.min.js'))
  await writeFile(path.join(www, 'index.html'), NGINX_PAGE)
  const ffmpeg = startNginxFfmpeg(path.join(www, 'live'))
  const nginx = await startNginx({ dir: await mkdtemp(path.join(ctx.tmpDir, 'live-nginx-')), mediaDir: www, wwwDir: www })
  try {
    // hls.js gives up on a playlist that is 404 at first: open the page once ffmpeg has written one.
    await until('ffmpeg\'s first playlist', async () => (await fetch(`${nginx.url}/live/index.m3u8`)).ok, 60 * 1000, 250)
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      await page.goto(`${nginx.url}/index.html`)
      return await sampleLatency(page, async () => await page.evaluate(() => (window as unknown as { latencySec: () => number | null }).latencySec()), seconds)
    } finally {
      await context.close()
    }
  } finally {
    ffmpeg.stop()
    await nginx.stop()
  }
}

export async function runLiveLatency (ctx: BenchContext): Promise<SectionResult> {
  const seconds = ctx.quick ? 10 : 30
  const counts = ctx.quick ? [1, 3] : [1, 3, 5]
  const browser = await launchBrowser()
  const loads: LoadResult[] = []
  let nginx: number[]
  try {
    nginx = await nginxLatency(ctx, browser, seconds)
    for (const p2p of [false, true]) {
      for (const viewers of counts) {
        ctx.log(`live: ${viewers} viewer(s), P2P ${p2p ? 'on' : 'off'}`)
        loads.push(await measureLoad(ctx, browser, p2p, viewers, seconds))
      }
    }
  } finally {
    await browser.close()
  }
  const one = (p2p: boolean): LoadResult | undefined => loads.find(load => load.p2p === p2p && load.viewers === 1)
  const direct = one(false)?.latencySec ?? NaN
  const shared = one(true)?.latencySec ?? NaN
  const kB = (bytes: number): string => `${(bytes / 1000).toFixed(0)} kB/s`
  return {
    name: 'live-latency',
    title: '10. Live channels: latency, seed-node CPU and upload',
    headers: ['measure', 'Hearth direct', 'Hearth P2P', 'nginx + ffmpeg 2 s HLS', 'Hearth direct/nginx'],
    rows: [
      ['glass-to-glass latency, s (1 viewer)', direct.toFixed(1), shared.toFixed(1), medianRange(nginx, 1), ratio(direct, median(nginx))],
      ...counts.map(viewers => {
        const off = loads.find(load => !load.p2p && load.viewers === viewers)
        const on = loads.find(load => load.p2p && load.viewers === viewers)
        return [`${viewers} viewer(s): seed-node upload · CPU`, off ? `${kB(off.uploadBytesPerSec)} · ${off.cpuPercent.toFixed(0)} %` : '—', on ? `${kB(on.uploadBytesPerSec)} · ${on.cpuPercent.toFixed(0)} %` : '—', '—', '—']
      })
    ],
    notes: [
      `testsrc2 640×360 25 fps with the wall clock burned in, x264 veryfast/zerolatency, AAC; Hearth 1 s fMP4 segments (the default), nginx setup 2 s MPEG-TS segments with hls.js defaults. Latency: now − program date time of the frame on screen, sampled every second for ${seconds} s in the page (median).`,
      'Upload: the segment bytes every viewer got over HTTP from the seed node per second (the p2p-media-loader counters, or hls.js fragment sizes without P2P); CPU: the seed-node process alone (ffmpeg encodes once whatever the number of viewers), % of one core.',
      'All viewers are Chromium contexts on this machine, decoding video on the same two cores as the seed node: CPU and P2P share are noisy; the goal is upload with 5 viewers under 2× one viewer with P2P on.'
    ],
    data: { nginx, loads }
  }
}
