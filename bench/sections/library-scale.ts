/**
 * Issue 13, a library at scale: at 2,000 and 10,000 generated items (films, shows in season
 * folders, music; e2e/support/generated-library.ts), on a seed node without ffprobe:
 * - catalog bytes over the wire: whole (plain JSON, gzip, brotli), a 304 revalidation, and the
 *   `?since=` delta after one added file, beside the whole plain JSON every start used to fetch;
 * - seed-node time to answer a revalidation (ETag from the revision) beside a whole catalog;
 * - in Chromium: time from navigation to the first grid card, cold (no catalog on the device)
 *   and cached (drawn from IndexedDB, then revalidated), DOM elements, frame times while
 *   scrolling, and search latency per keystroke.
 * One run on a shared machine is noisy; the figures are for comparing, not for asserting.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser } from '@playwright/test'
import { makeGeneratedLibrary, type LibraryShape } from '../../e2e/support/generated-library.ts'
import type { BenchContext } from '../support/bench-context.ts'
import { launchBrowser, pairPage, until, withContext } from '../support/bench-browser.ts'
import { startBenchSeedNode, type BenchSeedNode } from '../support/bench-seed-node.ts'
import { credentialFromPairingLink } from '../support/seed-node-http.ts'
import { domElements, gridVisibleMs, scrollFrameTimes, searchLatencies } from '../support/library-page-measures.ts'
import { rawGet } from '../support/raw-http.ts'
import type { SectionResult } from '../support/report.ts'
import { median, medianRange, p95, ratio } from '../support/stats.ts'

const SHAPES: Record<number, LibraryShape> = {
  2000: { films: 1000, shows: 40, seasons: 3, episodesPerSeason: 8, tracks: 37 },
  10000: { films: 5000, shows: 100, seasons: 4, episodesPerSeason: 10, tracks: 997 }
}
const SCROLL_FRAMES = 120
const SCROLL_STEP_PX = 300
const KEYSTROKE_PAUSE_MS = 300
const SEARCH_TEXT = '4321'
const GOAL_WARM_MS = 500
const GOAL_SEARCH_MS = 50

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`

interface Wire { plain: number, gzip: number, br: number, notModified: number, delta: { plain: number, br: number, changed: number }, revalidateMs: number[], wholeMs: number[] }

async function measureWire (node: BenchSeedNode, library: string, total: number, runs: number): Promise<Wire> {
  const auth = { authorization: `Bearer ${await credentialFromPairingLink(node.pairingLink)}` }
  const url = `${node.url}/api/catalog`
  const plain = await rawGet(url, { ...auth, 'accept-encoding': 'identity' })
  const gzip = await rawGet(url, { ...auth, 'accept-encoding': 'gzip' })
  const br = await rawGet(url, { ...auth, 'accept-encoding': 'br, gzip' })
  const revision = (JSON.parse(plain.body.toString('utf8')) as { revision: string }).revision
  const revalidateMs: number[] = []
  const wholeMs: number[] = []
  let notModified = -1
  for (let i = 0; i < runs; i++) {
    const check = await rawGet(url, { ...auth, 'accept-encoding': 'br', 'if-none-match': `"${revision}"` })
    notModified = check.status === 304 ? check.bytes : -1
    revalidateMs.push(check.ms)
    wholeMs.push((await rawGet(url, { ...auth, 'accept-encoding': 'identity' })).ms)
  }
  // One change: a film added, found by the next rescan (default interval).
  await writeFile(path.join(library, 'Films', 'Bench Added Film (2026).mp4'), Buffer.from(`added ${Date.now()}`.repeat(64)))
  await until('the rescan to find the added film', async () => (await node.status()).items === total + 1, 5 * 60 * 1000, 500)
  const since = `${url}?since=${encodeURIComponent(revision)}`
  const deltaPlain = await rawGet(since, { ...auth, 'accept-encoding': 'identity' })
  const deltaBr = await rawGet(since, { ...auth, 'accept-encoding': 'br' })
  const changed = (JSON.parse(deltaPlain.body.toString('utf8')) as { changed?: unknown[] }).changed?.length ?? -1
  return { plain: plain.bytes, gzip: gzip.bytes, br: br.bytes, notModified, delta: { plain: deltaPlain.bytes, br: deltaBr.bytes, changed }, revalidateMs, wholeMs }
}

interface Page13 { coldMs: number[], cachedMs: number[], dom: number, frames: number[], idleFrames: number[], search: number[] }

async function measurePage (browser: Browser, node: BenchSeedNode, runs: number): Promise<Page13> {
  return await withContext(browser, async (_context, page) => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await pairPage(page, node.pairingLink)
    const cachedCatalog = async (): Promise<boolean> => await page.evaluate(async () => (await window.__hearth?.cachedCatalog()) != null)
    const coldMs: number[] = []
    const cachedMs: number[] = []
    for (let i = 0; i < runs; i++) {
      // Cold: no catalog on the device (the service worker's copy dropped too).
      await page.evaluate(async () => {
        indexedDB.deleteDatabase('hearth-catalog-cache')
        await caches.delete('hearth-catalog')
      })
      coldMs.push(await gridVisibleMs(page, node.url))
      await until('the catalog to be cached', cachedCatalog, 120 * 1000)
      cachedMs.push(await gridVisibleMs(page, node.url))
      await page.waitForLoadState('networkidle')
    }
    const dom = await domElements(page)
    const idleFrames = await scrollFrameTimes(page, SCROLL_FRAMES, 0)
    const frames = await scrollFrameTimes(page, SCROLL_FRAMES, SCROLL_STEP_PX)
    await page.evaluate(() => window.scrollTo(0, 0))
    // Digits, so that every keystroke narrows the results (and the grid and its count change).
    const search = await searchLatencies(page, SEARCH_TEXT, KEYSTROKE_PAUSE_MS)
    return { coldMs, cachedMs, dom, frames, idleFrames, search }
  })
}

export async function runLibraryScale (ctx: BenchContext): Promise<SectionResult> {
  // HEARTH_BENCH_LIBRARY_SIZES=2000 measures one size only.
  const sizes = process.env.HEARTH_BENCH_LIBRARY_SIZES?.split(',').map(Number) ?? (ctx.quick ? [2000] : [2000, 10000])
  const runs = ctx.quick ? 2 : 5
  const rows: string[][] = []
  const data: Record<number, { wire: Wire, page: Page13 }> = {}
  const browser = await launchBrowser()
  try {
    for (const size of sizes) {
      const shape = SHAPES[size]
      if (shape === undefined) throw new Error(`no library shape for ${size}`)
      ctx.log(`generating ${size} items`)
      const generated = await makeGeneratedLibrary(shape)
      const node = await startBenchSeedNode({ library: generated.library, stateDir: await mkdtemp(path.join(ctx.tmpDir, 'library-scale-')), env: { HEARTH_FFPROBE: '/nonexistent/hearth-no-ffprobe' }, timeoutMs: 15 * 60 * 1000 })
      try {
        ctx.log(`${generated.items} items scanned in ${(node.scannedMs / 1000).toFixed(0)} s; measuring the page`)
        const page = await measurePage(browser, node, runs)
        ctx.log('measuring the catalog on the wire (waits for a rescan)')
        const wire = await measureWire(node, generated.library, generated.items, runs)
        data[size] = { wire, page }
        const n = size.toLocaleString('en')
        rows.push(
          [n, 'grid visible after navigation, cold (ms)', medianRange(page.coldMs), '—'],
          [n, 'grid visible after navigation, cached catalog (ms)', medianRange(page.cachedMs), `${ratio(median(page.cachedMs), median(page.coldMs))} of cold; goal < ${GOAL_WARM_MS} ms`],
          [n, 'DOM elements (grid drawn)', String(page.dom), '—'],
          [n, `scroll frame time p95 / max (ms, ${SCROLL_FRAMES} frames)`, `${p95(page.frames).toFixed(1)} / ${Math.max(...page.frames).toFixed(1)}`, `standing still in the same page: ${p95(page.idleFrames).toFixed(1)} / ${Math.max(...page.idleFrames).toFixed(1)} (16.7 ms = 60 fps)`],
          [n, `search latency per keystroke (ms, "${SEARCH_TEXT}", n=${page.search.length})`, medianRange(page.search), `p95 ${p95(page.search).toFixed(0)} ms; goal < ${GOAL_SEARCH_MS} ms`],
          [n, 'catalog bytes: plain JSON / gzip / brotli', `${kb(wire.plain)} / ${kb(wire.gzip)} / ${kb(wire.br)}`, `brotli ${ratio(wire.br, wire.plain)} of plain JSON (what every start fetched before)`],
          [n, 'revalidation (304) body bytes / ms', `${wire.notModified} B / ${medianRange(wire.revalidateMs, 1)}`, `${ratio(median(wire.revalidateMs), median(wire.wholeMs))} of a whole plain catalog's ${medianRange(wire.wholeMs, 0)} ms`],
          [n, `delta after one added file (${wire.delta.changed} item): plain / brotli`, `${kb(wire.delta.plain)} / ${kb(wire.delta.br)}`, `${ratio(wire.delta.br, wire.plain)} of the whole plain JSON`]
        )
      } finally {
        await node.stop()
        await rm(generated.library, { recursive: true, force: true })
      }
    }
  } finally {
    await browser.close()
  }
  return {
    name: 'library-scale',
    title: '13. Library at scale (issue 13)',
    headers: ['Items', 'Measure', 'Value: median (min–max)', 'Beside'],
    rows,
    notes: [
      `Each browser figure is ${runs} navigations in one Chromium context (1280×900); cold = the device's catalog copy deleted first, cached = drawn from IndexedDB before the network answers.`,
      'Scroll frames: the page scrolls itself 300 px per requestAnimationFrame; the figure is the rAF-to-rAF time. Before issue 13 (every card rendered), 2,000 items measured p95 50 ms, max 117 ms and 33,036 DOM nodes (issue text; another run).',
      `Search latency: keydown to the first frame after the page changed (results and their count), per keystroke of "${SEARCH_TEXT}", 300 ms apart; a keystroke that changes nothing on the page is not counted.`,
      'The seed node runs without ffprobe (HEARTH_FFPROBE names no program) so 10,000 files scan in about a minute; the delta waits for the next rescan (60 s interval).'
    ],
    data
  }
}
