/**
 * Issue 15: live channels. (1) Glass-to-glass latency: the same testsrc2 picture with the
 * wall clock burned in, measured in the page as now − the program date time of the frame on
 * screen (ffmpeg stamps each segment with its wall clock, `#EXT-X-PROGRAM-DATE-TIME`), for
 * Hearth direct, Hearth with P2P, and the setup Hearth replaces: ffmpeg writing 2 s HLS
 * (MPEG-TS) served by nginx, played with hls.js's defaults. (2) The seed node's CPU and
 * upload with 1, 3 and 5 viewers, with and without P2P (live-load.ts: counted for
 * LOAD_MEASURE_SEC after every viewer plays and LOAD_WARMUP_SEC more; on the test LAN where
 * it can be built). Noisy on a shared machine: read ratios, not absolute figures.
 */
import { spawn } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'
import type { BenchContext } from '../support/bench-context.ts'
import { launchBrowser, until } from '../support/bench-browser.ts'
import { REPO_ROOT } from '../support/bench-seed-node.ts'
import { startNginx } from '../support/nginx-server.ts'
import type { SectionResult } from '../support/report.ts'
import { measureLoad, type LoadResult } from './live-load.ts'
import { median, medianRange, ratio } from '../support/stats.ts'

const SAMPLE_EVERY_MS = 1000
/** Latency is sampled this long (nginx setup, and Hearth with one viewer). */
const LATENCY_SEC = 30
/** Upload is counted this long, after every viewer plays and LOAD_WARMUP_SEC more (the first segments of a joining viewer come over HTTP: not the steady state). Latency with one viewer is sampled over the same time. */
const LOAD_MEASURE_SEC = 90
const LOAD_WARMUP_SEC = 20
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
  const seconds = ctx.quick ? 10 : LATENCY_SEC
  const loadSec = ctx.quick ? 20 : LOAD_MEASURE_SEC
  const warmupSec = ctx.quick ? 5 : LOAD_WARMUP_SEC
  const counts = ctx.quick ? [1, 3] : [1, 3, 5]
  const browser = await launchBrowser()
  let nginx: number[]
  try {
    nginx = await nginxLatency(ctx, browser, seconds)
  } finally {
    await browser.close()
  }
  const latencies: LoadResult[] = []
  const loads: LoadResult[] = []
  for (const p2p of [false, true]) {
    ctx.log(`live: latency, P2P ${p2p ? 'on' : 'off'}`)
    latencies.push(await measureLoad(ctx, { p2p, viewers: 1, seconds, warmupSec: 0, source: 'testsrc' }))
    for (const viewers of counts) {
      ctx.log(`live: ${viewers} viewer(s), P2P ${p2p ? 'on' : 'off'}`)
      loads.push(await measureLoad(ctx, { p2p, viewers, seconds: loadSec, warmupSec, source: 'clip' }))
    }
  }
  const one = (p2p: boolean): LoadResult | undefined => loads.find(load => load.p2p === p2p && load.viewers === 1)
  const direct = latencies.find(run => !run.p2p)?.latencySec ?? NaN
  const shared = latencies.find(run => run.p2p)?.latencySec ?? NaN
  const kB = (bytes: number): string => `${(bytes / 1000).toFixed(0)} kB/s`
  return {
    name: 'live-latency',
    title: '12. Live channels: latency, seed-node CPU and upload',
    headers: ['measure', 'Hearth direct', 'Hearth P2P', 'nginx + ffmpeg 2 s HLS', 'Hearth direct/nginx'],
    rows: [
      ['glass-to-glass latency, s (1 viewer)', direct.toFixed(1), shared.toFixed(1), medianRange(nginx, 1), ratio(direct, median(nginx))],
      ...counts.map(viewers => {
        const off = loads.find(load => !load.p2p && load.viewers === viewers)
        const on = loads.find(load => load.p2p && load.viewers === viewers)
        const times = (load: LoadResult): string => {
          const single = one(load.p2p)?.uploadBytesPerSec ?? NaN
          return `${(load.uploadBytesPerSec / single).toFixed(2)}× one viewer`
        }
        return [
          `${viewers} viewer(s): seed-node upload · CPU${viewers > 1 ? ' · from peers' : ''}`,
          off ? `${kB(off.uploadBytesPerSec)} (${times(off)}) · ${off.cpuPercent.toFixed(0)} %` : '—',
          on ? `${kB(on.uploadBytesPerSec)} (${times(on)}) · ${on.cpuPercent.toFixed(0)} %${viewers > 1 ? ` · ${(100 * on.peerShare).toFixed(0)} %` : ''}` : '—',
          '—',
          '—'
        ]
      })
    ],
    notes: [
      `testsrc2 640×360 25 fps with the wall clock burned in, x264 veryfast/zerolatency, AAC; Hearth 1 s fMP4 segments (the default), nginx setup 2 s MPEG-TS segments with hls.js defaults. Latency: now − program date time of the frame on screen, sampled every second for ${seconds} s in the page (median), one viewer. A P2P player holds 6–8 segments behind live on purpose (app/features/live/live-hls-config.ts).`,
      `Upload: the bytes the seed node served the channel over HTTP (segments and playlists, its own /api/status counter) per second, counted for ${loadSec} s once every viewer played (with P2P: had met another viewer) and ${warmupSec} s more had passed; "from peers": the share of the viewers' segment bytes that came from other viewers (p2p-media-loader's counters). CPU: the seed-node process alone, % of one core. Load runs play a 320×180 15 fps H.264 clip at 1 Mbit/s (noise), looped and copied by the seed node (1 s keyframes): light to decode, with a camera's bitrate. Worst viewer latency at the end (${Math.max(...counts)} viewers, P2P off / on): ${[false, true].map(p2p => loads.find(load => load.p2p === p2p && load.viewers === Math.max(...counts))?.worstLatencySec.toFixed(1) ?? '—').join(' / ')} s; far beyond the hold, the upload figure means little.`,
      `Load runs ${loads[0]?.where === 'LAN' ? 'on the namespaced test LAN: the seed node on the router host over HTTPS, viewers as contexts of two Chromiums (one per device host, taking turns), since browser-to-browser WebRTC between contexts of one Chromium on loopback does not connect' : 'on loopback (the test LAN could not be built here: no root in the namespace), where browser-to-browser WebRTC between contexts of one Chromium does not connect, so P2P shows little or no offload'}. Peer links at the end (${Math.max(...counts)} viewers, P2P): ${loads.find(load => load.p2p && load.viewers === Math.max(...counts))?.peerLinks ?? '—'} (a full mesh is ${Math.max(...counts) * (Math.max(...counts) - 1)}).`,
      'All viewers decode video on the same two cores as the seed node: CPU and P2P share are noisy; the goal is upload with 5 viewers under 2× one viewer with P2P on.'
    ],
    data: { nginx, latencies, loads }
  }
}
