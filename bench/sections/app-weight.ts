/**
 * Issue 6 §6, app weight: JS and CSS the first screen loads, and cold load time of the
 * app shell online and offline (service worker). The seed node may not compress, so
 * gzip sizes are computed here with zlib (level 6, as `gzip -6` and most servers) over
 * exactly the bytes the browser received.
 */
import { mkdtemp } from 'node:fs/promises'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Page, Response } from '@playwright/test'
import type { BenchContext } from '../support/bench-context.ts'
import { launchBrowser, pairPage, until } from '../support/bench-browser.ts'
import { REPO_ROOT, startBenchSeedNode } from '../support/bench-seed-node.ts'
import type { SectionResult } from '../support/report.ts'
import { median, medianRange } from '../support/stats.ts'

const GOAL_JS_GZIP_BYTES = 250 * 1000

interface Weight { js: number, jsGzip: number, css: number, cssGzip: number, encodedOnWire: number, files: string[] }

function collect (page: Page): () => Promise<Weight> {
  const responses: Response[] = []
  page.on('response', res => { responses.push(res) })
  return async () => {
    const weight: Weight = { js: 0, jsGzip: 0, css: 0, cssGzip: 0, encodedOnWire: 0, files: [] }
    for (const res of responses) {
      const type = res.headers()['content-type'] ?? ''
      const kind = /javascript/.test(type) ? 'js' : /css/.test(type) ? 'css' : null
      if (!kind || res.status() !== 200) continue
      const body = await res.body().catch(() => null)
      if (!body) continue
      const gz = gzipSync(body, { level: 6 }).length
      weight[kind] += body.length
      weight[kind === 'js' ? 'jsGzip' : 'cssGzip'] += gz
      const fromWorker = res.fromServiceWorker()
      if (!fromWorker) weight.encodedOnWire += Math.max(0, (await res.request().sizes().catch(() => ({ responseBodySize: body.length }))).responseBodySize)
      const how = fromWorker ? ' (from the service worker cache)' : res.headers()['content-encoding'] ? ` (sent ${res.headers()['content-encoding']})` : ''
      weight.files.push(`${new URL(res.url()).pathname} ${(gz / 1000).toFixed(1)} kB gz${how}`)
    }
    return weight
  }
}

/** ms from navigation start until the library grid (or the pairing screen) has drawn. */
async function shellDrawnMs (page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => document.querySelector('[data-testid="library-item"], main, #root > *') !== null ? performance.now() : false, undefined, { polling: 'raf', timeout: 30 * 1000 })
  return await handle.jsonValue() as number
}

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`

export async function runAppWeight (ctx: BenchContext): Promise<SectionResult> {
  const runs = ctx.quick ? 2 : 5
  const stateDir = await mkdtemp(path.join(ctx.tmpDir, 'weight-state-'))
  const node = await startBenchSeedNode({ library: path.join(REPO_ROOT, 'sample-library'), stateDir })
  const browser = await launchBrowser()
  try {
    // First visit, not yet paired: what a brand-new device downloads.
    const context = await browser.newContext()
    const page = await context.newPage()
    let done = collect(page)
    await page.goto(node.url)
    await shellDrawnMs(page)
    await page.waitForLoadState('networkidle')
    const unpaired = await done()
    await page.close()
    // A paired device opening the library (the sync swarm starts here).
    const paired = await context.newPage()
    await pairPage(paired, node.pairingLink)
    const third = await context.newPage()
    done = collect(third)
    await third.goto(node.url)
    await third.waitForLoadState('networkidle')
    await new Promise(resolve => setTimeout(resolve, 1000))
    const pairedWeight = await done()
    await context.close()

    const online: number[] = []
    const offline: number[] = []
    for (let run = 0; run < runs; run++) {
      const cold = await browser.newContext()
      const coldPage = await cold.newPage()
      await coldPage.goto(node.pairingLink)
      await until('pairing', async () => await coldPage.evaluate(() => window.__hearth?.paired() ?? false))
      await coldPage.evaluate(async () => { await navigator.serviceWorker.ready })
      await cold.close()
      // Online, cold: a fresh context (empty HTTP cache, no service worker).
      const fresh = await browser.newContext()
      const freshPage = await fresh.newPage()
      await freshPage.goto(node.url)
      online.push(await shellDrawnMs(freshPage))
      await freshPage.evaluate(async () => { await navigator.serviceWorker.ready })
      await freshPage.waitForLoadState('networkidle')
      // Offline: same context, the service worker serves the shell.
      await fresh.setOffline(true)
      const offlinePage = await fresh.newPage()
      await offlinePage.goto(node.url)
      offline.push(await shellDrawnMs(offlinePage))
      await fresh.close()
    }

    const row = (label: string, w: Weight): string[] => [label, kb(w.js), kb(w.jsGzip), kb(w.css), kb(w.cssGzip), kb(w.encodedOnWire), `${(w.jsGzip / GOAL_JS_GZIP_BYTES).toFixed(2)}× of 250 kB goal`]
    return {
      name: 'app-weight',
      title: '6. App weight and app-shell load',
      headers: ['first screen', 'JS', 'JS gzip', 'CSS', 'CSS gzip', 'JS+CSS over the network', 'JS gzip vs goal'],
      rows: [
        row('new device (not paired)', unpaired),
        row('paired device, library', pairedWeight),
        ['app shell drawn, online, cold (ms)', medianRange(online), '', '', '', '', ''],
        ['app shell drawn, offline via service worker (ms)', medianRange(offline), '', '', '', '', '']
      ],
      notes: [
        'gzip sizes computed here with zlib level 6 over the bytes received (the seed node sends them uncompressed unless a content-encoding is listed below); "over the network" is the body bytes that crossed the wire, 0 when the service worker served them.',
        `Files, new device: ${unpaired.files.join('; ')}.`,
        `Files, paired device: ${pairedWeight.files.join('; ')}.`,
        `Shell load: navigation start → first app element drawn, median (min–max) of ${runs} fresh contexts; offline = same context with the network cut, served by the service worker. No peer column: nothing comparable was measured.`
      ],
      data: { unpaired, paired: pairedWeight, onlineMs: online, offlineMs: offline, medianOnlineMs: median(online), medianOfflineMs: median(offline) }
    }
  } finally {
    await browser.close()
    await node.stop()
  }
}
