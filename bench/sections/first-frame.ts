/**
 * Issue 6 §1–2: click "play" → `playing` with decoded frames, cold (a fresh browser
 * context each run), and seek → playing for 10 seeded-random positions not yet buffered in
 * the `<video>`; for Hearth with the web seed off (WebRTC only), Hearth with the web seed
 * on, and plain `<video src>` from nginx serving the same file. Both times are taken in the
 * page (performance.now() at the click event and at the `playing` event), so Playwright's
 * round trips are not counted.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'
import type { BenchContext } from '../support/bench-context.ts'
import { launchBrowser, pairPage, waitForCard, withContext } from '../support/bench-browser.ts'
import { benchMedia, type BenchMedia } from '../support/bench-media.ts'
import { startBenchSeedNode } from '../support/bench-seed-node.ts'
import { mib, type TimeReport } from '../support/measured-process.ts'
import { nginxPlayPage } from '../support/nginx-play-page.ts'
import { startNginx } from '../support/nginx-server.ts'
import { armVideoEvents, readBreakdown, summarizeBreakdowns, type Breakdown } from '../support/first-frame-breakdown.ts'
import { fetchCatalog } from '../support/seed-node-http.ts'
import type { SectionResult } from '../support/report.ts'
import { median, medianRange, ratio, seededRandom } from '../support/stats.ts'

const SEEKS = 10
const FRAME_TIMEOUT_MS = 60 * 1000
type Mode = 'webrtc' | 'webrtc-hover' | 'webseed' | 'webseed-hover' | 'nginx'
const MODES: Mode[] = ['webrtc', 'webrtc-hover', 'webseed', 'webseed-hover', 'nginx']
const MODE_LABEL: Record<Mode, string> = {
  webrtc: 'Hearth, WebRTC only',
  'webrtc-hover': 'Hearth, WebRTC only, card hovered first',
  webseed: 'Hearth, web seed on',
  'webseed-hover': 'Hearth, web seed on, card hovered first',
  nginx: 'nginx <video src>'
}
/** How long a hovered card may take to be warm (torrent added, WebRTC wire open) before the click goes anyway. */
const WARM_WAIT_MS = 10 * 1000

interface Sample { firstFrameMs: number[], seekMs: number[], progressAtSeeks: number[], breakdowns: Breakdown[], hoverToWarmMs: number[] }

const NGINX_PAGE = nginxPlayPage({ muted: true })

/** Stamps the first click and the first `playing` event of any element, in page time. */
export async function armStopwatch (page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __bench: { click?: number, playing?: number } }
    w.__bench = {}
    document.addEventListener('click', () => { w.__bench.click ??= performance.now() }, true)
    document.addEventListener('playing', () => { w.__bench.playing ??= performance.now() }, true)
  })
}

export async function firstFrameMs (page: Page): Promise<number> {
  try {
    return await waitFirstFrame(page)
  } catch (err) {
    // Say where it stopped: the video's state, the app's marks, the torrent's progress.
    const state = await page.evaluate(() => {
      const v = document.querySelector('video')
      return {
        video: v ? { readyState: v.readyState, networkState: v.networkState, src: v.currentSrc, error: v.error?.message ?? null } : null,
        marks: performance.getEntriesByType('mark').map(m => `${m.name}@${m.startTime.toFixed(0)}`),
        torrents: window.__hearth?.torrents().map(t => ({ progress: t.progress, downloaded: t.downloaded })) ?? [],
        wires: window.__hearth?.wires() ?? []
      }
    }).catch((e: unknown) => String(e))
    throw new Error(`${err instanceof Error ? err.message : String(err)}; page: ${JSON.stringify(state)}`, { cause: err })
  }
}

async function waitFirstFrame (page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => {
    const b = (window as unknown as { __bench: { click?: number, playing?: number } }).__bench
    const v = document.querySelector('video')
    if (v?.error) throw new Error(`video error ${v.error.code}: ${v.error.message}`)
    return b.playing !== undefined && b.click !== undefined && v !== null && v.getVideoPlaybackQuality().totalVideoFrames > 0 ? b.playing - b.click : false
  }, undefined, { timeout: FRAME_TIMEOUT_MS, polling: 10 })
  return await handle.jsonValue() as number
}

/** Seeks to the next candidate fraction that is outside `video.buffered`, SEEKS times. */
async function seeks (page: Page, candidates: number[]): Promise<number[]> {
  return await page.evaluate(async ({ candidates, count }) => {
    const v = document.querySelector('video')!
    const times: number[] = []
    const buffered = (t: number): boolean => { for (let i = 0; i < v.buffered.length; i++) if (t >= v.buffered.start(i) && t <= v.buffered.end(i)) return true; return false }
    for (const fraction of candidates) {
      if (times.length >= count) break
      const at = fraction * v.duration
      if (buffered(at)) continue
      const started = performance.now()
      await new Promise<void>(resolve => {
        const done = (): void => { clearTimeout(timer); v.removeEventListener('playing', done); v.removeEventListener('seeked', onSeeked); resolve() }
        const onSeeked = (): void => { if (v.readyState >= 3 && !v.paused) done() }
        const timer = setTimeout(done, 30 * 1000)
        v.addEventListener('playing', done)
        v.addEventListener('seeked', onSeeked)
        v.currentTime = at
      })
      times.push(performance.now() - started)
      await new Promise(resolve => setTimeout(resolve, 100)) // let it play a moment, as a user would
    }
    return times
  }, { candidates, count: SEEKS })
}

async function hearthRun (browser: Browser, url: string, pairingLink: string, itemId: string, seekCandidates: number[] | null, hover: boolean, into: Sample): Promise<void> {
  await withContext(browser, async (_context, page) => {
    await pairPage(page, pairingLink)
    await page.goto(url)
    await waitForCard(page, itemId)
    await page.evaluate(async () => { await navigator.serviceWorker.ready })
    const card = page.locator(`[data-testid="library-item"][data-item-id="${itemId}"]`)
    if (hover) into.hoverToWarmMs.push(await hoverUntilWarm(page, card, itemId))
    await armStopwatch(page)
    await armVideoEvents(page)
    await card.click()
    into.firstFrameMs.push(await firstFrameMs(page))
    into.breakdowns.push(await readBreakdown(page))
    if (seekCandidates) {
      into.seekMs.push(...await seeks(page, seekCandidates))
      into.progressAtSeeks.push(await page.evaluate((id) => window.__hearth?.torrents().find(t => t.infoHash === id)?.progress ?? NaN, itemId))
    }
  })
}

/** A user resting the pointer on the card: hovers, then waits until its torrent is added and a WebRTC wire is open (ms from the hover). */
async function hoverUntilWarm (page: Page, card: ReturnType<Page['locator']>, itemId: string): Promise<number> {
  const hoveredAt = await page.evaluate(() => performance.now())
  await card.hover()
  const warmAt = await page.waitForFunction((id) => {
    const ready = performance.getEntriesByName('hearth:warm-ready')[0]
    // This item's wire: the household's sync swarm has WebRTC wires of its own.
    const wired = window.__hearth?.wires().some(wire => wire.infoHash === id && wire.type === 'webrtc') ?? false
    return ready !== undefined && wired ? performance.now() : false
  }, itemId, { timeout: WARM_WAIT_MS, polling: 10 }).then(async handle => await handle.jsonValue() as number).catch(() => NaN)
  return warmAt - hoveredAt
}

async function nginxRun (browser: Browser, url: string, fileName: string, seekCandidates: number[] | null, into: Sample): Promise<void> {
  await withContext(browser, async (_context, page) => {
    await page.goto(`${url}/first-frame.html?file=${encodeURIComponent(fileName)}`)
    await armStopwatch(page)
    await page.click('#play')
    into.firstFrameMs.push(await firstFrameMs(page))
    if (seekCandidates) into.seekMs.push(...await seeks(page, seekCandidates))
  })
}

export async function runFirstFrameAndSeek (ctx: BenchContext): Promise<SectionResult> {
  const runs = ctx.quick ? 1 : 5
  const media: BenchMedia = await benchMedia(ctx.quick ? 40 : 200, ctx.log)
  const samples = new Map<string, Sample>()
  const sample = (file: string, mode: Mode): Sample => {
    const key = `${file}/${mode}`
    if (!samples.has(key)) samples.set(key, { firstFrameMs: [], seekMs: [], progressAtSeeks: [], breakdowns: [], hoverToWarmMs: [] })
    return samples.get(key)!
  }
  const candidatesFor = (fileIndex: number): number[] => { const rng = seededRandom(6000 + fileIndex); return Array.from({ length: 60 }, () => 0.05 + 0.9 * rng()) }
  const reports: Record<string, TimeReport | null> = {}
  const stateDir = await mkdtemp(path.join(ctx.tmpDir, 'ff-state-'))
  const www = path.join(ctx.tmpDir, 'ff-www')
  await mkdir(www, { recursive: true })
  await writeFile(path.join(www, 'first-frame.html'), NGINX_PAGE)
  const nginx = await startNginx({ dir: await mkdtemp(path.join(ctx.tmpDir, 'ff-nginx-')), mediaDir: media.library, wwwDir: www })
  const browser = await launchBrowser()
  let ingestMs = NaN
  try {
    for (const mode of ['webrtc', 'webseed'] as const) {
      const node = await startBenchSeedNode({ library: media.library, stateDir, args: mode === 'webrtc' ? ['--no-web-seed'] : [] })
      if (mode === 'webrtc') ingestMs = node.scannedMs
      try {
        const items = await fetchCatalog(node.url, node.pairingLink)
        for (const [index, file] of media.files.entries()) {
          const item = items.find(i => i.mediaPath.endsWith(file.fileName))
          if (!item) throw new Error(`${file.fileName} not in the catalog`)
          ctx.log(`${MODE_LABEL[mode]}: ${file.label}`)
          for (let run = 0; run < runs; run++) await hearthRun(browser, node.url, node.pairingLink, item.id, run === 0 ? candidatesFor(index) : null, false, sample(file.fileName, mode))
          ctx.log(`${MODE_LABEL[`${mode}-hover`]}: ${file.label}`)
          for (let run = 0; run < runs; run++) await hearthRun(browser, node.url, node.pairingLink, item.id, null, true, sample(file.fileName, `${mode}-hover`))
        }
      } finally {
        reports[mode] = await node.stop()
      }
    }
    for (const [index, file] of media.files.entries()) {
      ctx.log(`nginx: ${file.label}`)
      for (let run = 0; run < runs; run++) await nginxRun(browser, nginx.url, file.fileName, run === 0 ? candidatesFor(index) : null, sample(file.fileName, 'nginx'))
    }
  } finally {
    await browser.close()
    await nginx.stop()
  }

  const firstRows: string[][] = []
  const seekRows: string[][] = []
  const HEARTH_MODES = MODES.filter(mode => mode !== 'nginx')
  for (const file of media.files) {
    const s = (mode: Mode): Sample => sample(file.fileName, mode)
    const ffNginx = median(s('nginx').firstFrameMs)
    const skNginx = median(s('nginx').seekMs)
    const label = `${file.label}, ${(file.sizeBytes / 1e6).toFixed(0)} MB`
    firstRows.push([`first frame, ms: ${label}`, ...MODES.map(mode => medianRange(s(mode).firstFrameMs)),
      HEARTH_MODES.map(mode => ratio(median(s(mode).firstFrameMs), ffNginx)).join(' / ')])
    const progress = s('webrtc').progressAtSeeks.concat(s('webseed').progressAtSeeks).map(p => `${(p * 100).toFixed(0)}%`).join(' / ')
    seekRows.push([`seek → playing, ms: ${label} (torrent progress when the seeks ended: ${progress})`,
      ...MODES.map(mode => s(mode).seekMs.length === 0 ? '—' : `${medianRange(s(mode).seekMs)} (n=${s(mode).seekMs.length})`),
      HEARTH_MODES.map(mode => ratio(median(s(mode).seekMs), skNginx)).join(' / ')])
  }
  const cpu = (r: TimeReport | null | undefined): string => r ? `${(r.userSec + r.systemSec).toFixed(1)} s CPU, peak RSS ${mib(r.maxRssKiB)}` : 'n/a'
  return {
    name: 'first-frame',
    title: `1–2. Time to first frame and seek (${media.targetMB} MB files; the issue asks 1 GB)`,
    headers: ['file', ...MODES.map(mode => MODE_LABEL[mode]), 'Hearth/nginx (WebRTC / hovered / web seed / hovered)'],
    rows: [...firstRows, ...seekRows],
    notes: [
      `First frame: click on the item (Hearth) or on a play button that sets \`<video src>\` (nginx) → the first \`playing\` event with decoded frames, both timed in the page; median (min–max) of ${runs} cold runs, each in a fresh browser context (Hearth contexts are paired and have the service worker ready before the click, as an installed app has). Goal: Hearth ≤ 1.5× nginx and < 1000 ms.`,
      `Seek: ${SEEKS} seeks per file and column, to seeded-random positions outside \`video.buffered\`, started right after the first frame; seek → \`playing\` (or \`seeked\` with data to play). Goal: median ≤ 2× nginx. Hearth keeps downloading the whole torrent in the background, so a position outside \`video.buffered\` may already be in local pieces: the progress column says how much was.`,
      `Files ~${media.targetMB} MB (generated once with ffmpeg, 854×480 noise at ~8 Mbit/s, a 20 s clip looped with stream copy) instead of 1 GB: generation time. Seed node first ingest of the ${media.files.length} files (start → first scan done): ${(ingestMs / 1000).toFixed(1)} s.`,
      `Seed node, whole process: WebRTC-only run ${cpu(reports.webrtc)}; web-seed run ${cpu(reports.webseed)}.`,
      `Hovered first: the card is hovered, then clicked once its torrent is added and a WebRTC wire is open (as a user resting the pointer on a card before pressing it); hover → warm, median ms: ${media.files.map(file => `${file.label} ${median(sample(file.fileName, 'webrtc-hover').hoverToWarmMs.concat(sample(file.fileName, 'webseed-hover').hoverToWarmMs)).toFixed(0)}`).join(', ')}. No seeks in these columns.`,
      ...media.files.flatMap(file => HEARTH_MODES.map(mode =>
        `Where the time goes, ${file.label}, ${MODE_LABEL[mode]} (ms after the click, median of ${runs}; app marks, resource timing, video events): ${summarizeBreakdowns(sample(file.fileName, mode).breakdowns)}.`))
    ],
    data: Object.fromEntries(samples)
  }
}
