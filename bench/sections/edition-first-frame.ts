/**
 * Issue 12: first frame of an MKV with H.264 video and AC-3 audio on first play, when the
 * browser edition is made on demand (fresh state folder each run: nothing cached), against
 * nginx serving an already-remuxed copy (H.264/AAC MP4, moov first) to a plain `<video src>`.
 * Then a far seek right after that first frame, to 90 % of the film (a part the edition has
 * not prepared yet: the seed node restarts ffmpeg there), against the same seek on nginx.
 * Then how fast the seed node makes the whole edition (multiple of real time) and its CPU
 * (seed node and its ffmpeg children, from `time -v`) per minute of film.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Page } from '@playwright/test'
import type { BenchContext } from '../support/bench-context.ts'
import { launchBrowser, pairPage, waitForCard, withContext } from '../support/bench-browser.ts'
import { startBenchSeedNode } from '../support/bench-seed-node.ts'
import { nginxPlayPage } from '../support/nginx-play-page.ts'
import { startNginx } from '../support/nginx-server.ts'
import { credentialFromPairingLink, fetchCatalog } from '../support/seed-node-http.ts'
import type { SectionResult } from '../support/report.ts'
import { median, medianRange, ratio } from '../support/stats.ts'
import { armStopwatch, firstFrameMs } from './first-frame.ts'

const run = promisify(execFile)
const MKV = 'AC3 Film (2024).mkv'
const REMUXED = 'AC3 Film remuxed.mp4'
const READY_POLL_MS = 250
/** Where the far seek goes, as a fraction of the film. */
const FAR_SEEK_FRACTION = 0.9
const SEEK_TIMEOUT_MS = 60 * 1000
const EDITION_TIMEOUT_MS = 10 * 60 * 1000


async function makeClips (library: string, www: string, seconds: number): Promise<void> {
  const films = path.join(library, 'Films')
  await mkdir(films, { recursive: true })
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=24:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '3M', '-g', '48', '-pix_fmt', 'yuv420p',
    '-c:a', 'ac3', '-b:a', '384k', '-ac', '6', path.join(films, MKV)])
  await mkdir(path.join(www, 'Films'), { recursive: true })
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', path.join(films, MKV), '-c:v', 'copy', '-c:a', 'aac', '-b:a', '192k', '-ac', '2', '-movflags', '+faststart', path.join(www, 'Films', REMUXED)])
}

/** Seeks the page's video to `fraction` of its length; ms until it plays there with a decoded frame. */
async function farSeekMs (page: Page, fraction: number): Promise<number> {
  return await page.evaluate(async ({ fraction, timeoutMs }) => {
    const v = document.querySelector('video')
    if (v === null) throw new Error('no video')
    const target = fraction * v.duration
    const framesBefore = v.getVideoPlaybackQuality().totalVideoFrames
    const started = performance.now()
    v.currentTime = target
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no frame at ${target.toFixed(1)} s within ${timeoutMs} ms`)), timeoutMs)
      const check = (): void => {
        if (!v.seeking && !v.paused && v.readyState >= 3 && v.currentTime >= target - 1 && v.getVideoPlaybackQuality().totalVideoFrames > framesBefore) {
          clearTimeout(timer)
          resolve()
        } else requestAnimationFrame(check)
      }
      check()
    })
    return performance.now() - started
  }, { fraction, timeoutMs: SEEK_TIMEOUT_MS })
}

/** Asks for the edition until it is complete. */
async function waitForEdition (url: string, credential: string, itemId: string): Promise<void> {
  const deadline = Date.now() + EDITION_TIMEOUT_MS
  for (;;) {
    if (Date.now() > deadline) throw new Error(`the edition was not complete within ${EDITION_TIMEOUT_MS / 1000} s`)
    const res = await fetch(`${url}/api/editions/${itemId}`, { method: 'POST', headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' }, body: '{}' })
    const reply = await res.json() as { state?: string }
    if (reply.state === 'ready') return
    await new Promise(resolve => setTimeout(resolve, READY_POLL_MS))
  }
}

export async function runEditionFirstFrame (ctx: BenchContext): Promise<SectionResult> {
  const runs = ctx.quick ? 1 : 3
  const seconds = ctx.quick ? 30 : 120
  const library = await mkdtemp(path.join(ctx.tmpDir, 'ed-lib-'))
  const www = await mkdtemp(path.join(ctx.tmpDir, 'ed-www-'))
  await makeClips(library, www, seconds)
  await writeFile(path.join(www, 'first-frame.html'), nginxPlayPage({ muted: false }))
  const nginx = await startNginx({ dir: await mkdtemp(path.join(ctx.tmpDir, 'ed-nginx-')), mediaDir: www, wwwDir: www })
  const browser = await launchBrowser()
  const hearthMs: number[] = []
  const nginxMs: number[] = []
  const hearthSeekMs: number[] = []
  const nginxSeekMs: number[] = []
  const buildMs: number[] = []
  const cpuSec: number[] = []
  try {
    for (let i = 0; i < runs; i++) {
      const node = await startBenchSeedNode({ library, stateDir: await mkdtemp(path.join(ctx.tmpDir, 'ed-state-')) })
      try {
        const item = (await fetchCatalog(node.url, node.pairingLink)).find(candidate => candidate.mediaPath.endsWith(MKV))
        if (!item) throw new Error(`${MKV} is not in the catalog`)
        await withContext(browser, async (_context, page) => {
          await pairPage(page, node.pairingLink)
          await page.goto(node.url)
          await waitForCard(page, item.id)
          await page.evaluate(async () => { await navigator.serviceWorker.ready })
          await armStopwatch(page)
          const clicked = performance.now()
          await page.locator(`[data-testid="library-item"][data-item-id="${item.id}"]`).click()
          hearthMs.push(await firstFrameMs(page))
          hearthSeekMs.push(await farSeekMs(page, FAR_SEEK_FRACTION))
          // ffmpeg starts at the click; the edition is whole when the seed node answers "ready".
          await waitForEdition(node.url, await credentialFromPairingLink(node.pairingLink), item.id)
          buildMs.push(performance.now() - clicked)
        })
      } finally {
        const report = await node.stop()
        if (report) cpuSec.push(report.userSec + report.systemSec)
      }
      await withContext(browser, async (_context, page) => {
        await page.goto(`${nginx.url}/first-frame.html?file=${encodeURIComponent(REMUXED)}`)
        await armStopwatch(page)
        await page.click('#play')
        nginxMs.push(await firstFrameMs(page))
        nginxSeekMs.push(await farSeekMs(page, FAR_SEEK_FRACTION))
      })
    }
  } finally {
    await browser.close()
    await nginx.stop()
  }
  const speed = seconds / (median(buildMs) / 1000)
  return {
    name: 'edition-first-frame',
    title: '9. First frame of an AC-3 MKV through a browser edition',
    headers: ['measure', 'Hearth (edition made on demand)', 'nginx (remuxed copy)', 'Hearth/nginx'],
    rows: [
      ['first frame, ms', medianRange(hearthMs), medianRange(nginxMs), ratio(median(hearthMs), median(nginxMs))],
      [`far seek (to ${FAR_SEEK_FRACTION * 100} %) into a part not prepared yet, ms`, medianRange(hearthSeekMs), medianRange(nginxSeekMs), ratio(median(hearthSeekMs), median(nginxSeekMs))],
      ['whole edition made, s', medianRange(buildMs.map(ms => ms / 1000), 1), '—', `${speed.toFixed(0)}× real time`],
      ['seed node CPU per minute of film, s', medianRange(cpuSec.map(sec => sec / (seconds / 60)), 1), '—', '—']
    ],
    notes: [
      `${seconds} s 1280×720 H.264 (3 Mbit/s) with 5.1 AC-3 at 384 kbit/s in MKV; ${runs} run(s), each with a fresh state folder so the edition is made on this first play (video copied, audio to stereo AAC, fMP4 HLS).`,
      'First frame: click on the card (Hearth: POST /api/editions, ffmpeg starts, first 4 s segment, hls.js chunk loaded, MSE) or on a play button setting `<video src>` (nginx) → first `playing` with decoded frames, timed in the page.',
      `Far seek: right after the first frame, \`currentTime\` = ${FAR_SEEK_FRACTION} × duration → playing there with a new decoded frame. Hearth: the edition has prepared only its first seconds, so the segment there is made by a second ffmpeg run started at it (\`-ss\` before \`-i\`), while the run from the start goes on; nginx: a range request into the remuxed MP4.`,
      'Edition speed: the click to the seed node answering "state: ready" (the whole edition made, by the run from the start and the one from the far seek together); CPU: the seed node process with its ffmpeg children (GNU time), for the whole run (start, scan, hashing, the edition), per minute of film.'
    ],
    data: { hearthMs, nginxMs, hearthSeekMs, nginxSeekMs, buildMs, cpuSec, seconds }
  }
}
