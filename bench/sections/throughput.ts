/**
 * Issue 6 §3–4: a full download of one ~200 MB file into Chromium.
 * - The downloader is the same for both BitTorrent seeders: a page running stock
 *   WebTorrent's browser bundle with default options (served by nginx beside the file),
 *   so only the seeder differs: Hearth's seed node (web seed off, WebRTC only, its own
 *   tracker) vs a stock WebTorrent Node seeder (default options, same @roamhq/wrtc binding,
 *   bittorrent-tracker's Server). nginx over HTTP (fetch into the page) is the ceiling.
 * - The Hearth app itself (player page, service-worker streaming) downloading the same
 *   item, for what a user gets.
 * - Two sources: a second context that has the file keeps seeding; a third one downloads
 *   from both (the P2P gain over the seed node alone).
 * The seeders' CPU seconds during each download are read from /proc around it.
 */
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import type { BenchContext } from '../support/bench-context.ts'
import { KEEP_NAMES_SHIM, launchBrowser, pairPage, waitForCard, withContext } from '../support/bench-browser.ts'
import { benchMedia } from '../support/bench-media.ts'
import { REPO_ROOT, startBenchSeedNode, type BenchSeedNode } from '../support/bench-seed-node.ts'
import { mib, startMeasured, type MeasuredProcess } from '../support/measured-process.ts'
import { startNginx, type NginxServer } from '../support/nginx-server.ts'
import { fetchCatalog } from '../support/seed-node-http.ts'
import type { SectionResult } from '../support/report.ts'
import { median, medianRange, ratio } from '../support/stats.ts'

const DOWNLOAD_TIMEOUT_MS = 5 * 60 * 1000
const STREAM_4K_MBIT = 25

const DOWNLOADER_PAGE = `<!doctype html><meta charset="utf-8"><title>bench downloader</title>
<script type="module">
  import WebTorrent from '/webtorrent.min.js'
  window.benchTorrent = (magnet) => new Promise((resolve, reject) => {
    window.benchClient ??= new WebTorrent()
    window.benchClient.on('error', reject)
    const started = performance.now()
    const torrent = window.benchClient.add(magnet)
    torrent.on('error', reject)
    torrent.on('done', () => resolve({
      ms: performance.now() - started, bytes: torrent.length,
      wires: torrent.wires.map(w => ({ address: w.remoteAddress + ':' + w.remotePort, type: w.type, downloaded: w.downloaded }))
    }))
  })
  window.benchFetch = async (url) => {
    const started = performance.now()
    const reader = (await fetch(url)).body.getReader()
    let bytes = 0
    for (;;) { const { done, value } = await reader.read(); if (done) break; bytes += value.length }
    return { ms: performance.now() - started, bytes, wires: [] }
  }
  window.benchReady = true
</script>`

interface Download { ms: number, bytes: number, wires: Array<{ address: string, type: string, downloaded: number }>, seederCpuSec?: number }

const webrtcOnly = (magnet: string): string => magnet.split('&').filter(part => !part.startsWith('ws=')).join('&')

async function downloaderPage (context: BrowserContext, nginx: NginxServer): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${nginx.url}/downloader.html`)
  await page.waitForFunction(() => (window as unknown as { benchReady?: boolean }).benchReady === true)
  return page
}

async function download (page: Page, how: 'torrent' | 'fetch', target: string, seeder: MeasuredProcess | null): Promise<Download> {
  const cpuBefore = seeder ? (await seeder.sample()).cpuSec : NaN
  const result = await page.evaluate(async ({ how, target }) => {
    const w = window as unknown as Record<string, (arg: string) => Promise<unknown>>
    return await w[how === 'torrent' ? 'benchTorrent' : 'benchFetch']!(target)
  }, { how, target }) as Download
  if (seeder) result.seederCpuSec = (await seeder.sample()).cpuSec - cpuBefore
  return result
}

async function withDownloader<T> (browser: Browser, nginx: NginxServer, body: (page: Page) => Promise<T>): Promise<T> {
  return await withContext(browser, async context => await body(await downloaderPage(context, nginx)))
}

async function hearthAppDownload (browser: Browser, node: BenchSeedNode, itemId: string, bytes: number): Promise<Download> {
  return await withContext(browser, async (_context, page) => {
    await pairPage(page, node.pairingLink)
    await page.goto(node.url)
    await waitForCard(page, itemId)
    const started = Date.now()
    await page.locator(`[data-testid="library-item"][data-item-id="${itemId}"]`).click()
    await page.waitForFunction((id) => (window.__hearth?.torrents() ?? []).some(t => t.infoHash === id && t.progress === 1), itemId, { timeout: DOWNLOAD_TIMEOUT_MS, polling: 20 })
    const ms = Date.now() - started
    const wires = await page.evaluate((id) => (window.__hearth?.wires() ?? []).filter(w => w.infoHash === id)
      .map(w => ({ address: w.remoteAddress ?? '', type: w.type, downloaded: w.downloaded })), itemId)
    return { ms, bytes, wires }
  })
}

export async function runThroughput (ctx: BenchContext): Promise<SectionResult> {
  const runs = ctx.quick ? 1 : 2
  const media = await benchMedia(ctx.quick ? 40 : 200, ctx.log)
  const file = media.files[0]!
  const www = path.join(ctx.tmpDir, 'tp-www')
  await mkdir(www, { recursive: true })
  await writeFile(path.join(www, 'downloader.html'), DOWNLOADER_PAGE)
  await copyFile(path.join(REPO_ROOT, 'node_modules/webtorrent/dist/webtorrent.min.js'), path.join(www, 'webtorrent.min.js'))
  const nginx = await startNginx({ dir: await mkdtemp(path.join(ctx.tmpDir, 'tp-nginx-')), mediaDir: media.library, wwwDir: www })
  const browser = await launchBrowser()
  const results: Record<string, Download[]> = { hearth: [], stock: [], nginx: [], app: [], twoSources: [], allPaths: [] }
  const notes: string[] = []
  try {
    ctx.log('nginx over HTTP')
    for (let run = 0; run < runs; run++) {
      results.nginx!.push(await withDownloader(browser, nginx, async page => await download(page, 'fetch', `${nginx.url}/media/Films/${encodeURIComponent(file.fileName)}`, null)))
    }

    ctx.log('stock WebTorrent seeder')
    const stock = startMeasured(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'bench/stock-webtorrent-seeder.ts'), file.path], { cwd: REPO_ROOT })
    try {
      const magnet = (await stock.waitFor(/MAGNET (\S+)/, 2 * 60 * 1000))[1]!
      for (let run = 0; run < runs; run++) results.stock!.push(await withDownloader(browser, nginx, async page => await download(page, 'torrent', magnet, stock)))
    } finally {
      const report = await stock.stop()
      notes.push(`Stock seeder process (incl. hashing the file at start): ${report ? `${(report.userSec + report.systemSec).toFixed(1)} s CPU, peak RSS ${mib(report.maxRssKiB)}` : 'n/a'}.`)
    }

    ctx.log('Hearth seed node (WebRTC only)')
    const node = await startBenchSeedNode({ library: media.library, stateDir: await mkdtemp(path.join(ctx.tmpDir, 'tp-state-')), args: ['--no-web-seed'] })
    try {
      const item = (await fetchCatalog(node.url, node.pairingLink)).find(i => i.mediaPath.endsWith(file.fileName))
      if (!item) throw new Error(`${file.fileName} not in the catalog`)
      const magnet = webrtcOnly(item.magnet)
      for (let run = 0; run < runs; run++) results.hearth!.push(await withDownloader(browser, nginx, async page => await download(page, 'torrent', magnet, node.process)))
      ctx.log('Hearth app (player) downloading the item')
      results.app!.push(await hearthAppDownload(browser, node, item.id, file.sizeBytes))
      ctx.log('two sources: a second context seeds too')
      const second = await browser.newContext()
      try {
        await second.addInitScript(KEEP_NAMES_SHIM)
        const seederPage = await downloaderPage(second, nginx)
        await download(seederPage, 'torrent', magnet, null)
        results.twoSources!.push(await withDownloader(browser, nginx, async page => await download(page, 'torrent', magnet, node.process)))
      } finally {
        await second.close()
      }
    } finally {
      const report = await node.stop()
      notes.push(`Seed node process (incl. first ingest of ${media.files.length} files): ${report ? `${(report.userSec + report.systemSec).toFixed(1)} s CPU, peak RSS ${mib(report.maxRssKiB)}` : 'n/a'}.`)
    }

    ctx.log('Hearth app, every path at once (web seed on)')
    const both = await startBenchSeedNode({ library: media.library, stateDir: await mkdtemp(path.join(ctx.tmpDir, 'tp-state-')), args: [] })
    try {
      const item = (await fetchCatalog(both.url, both.pairingLink)).find(i => i.mediaPath.endsWith(file.fileName))
      if (!item) throw new Error(`${file.fileName} not in the catalog`)
      const cpuBefore = (await both.process.sample()).cpuSec
      const run = await hearthAppDownload(browser, both, item.id, file.sizeBytes)
      run.seederCpuSec = (await both.process.sample()).cpuSec - cpuBefore
      results.allPaths!.push(run)
    } finally {
      await both.stop()
    }
  } finally {
    await browser.close()
    await nginx.stop()
  }

  const speeds = (list: Download[]): number[] => list.map(d => d.bytes / 1e6 / (d.ms / 1000))
  const cpuPerGB = (list: Download[]): string => {
    const values = list.filter(d => d.seederCpuSec !== undefined).map(d => d.seederCpuSec! / (d.bytes / 1e9))
    return values.length ? `${median(values).toFixed(1)} s` : '—'
  }
  const nginxSpeed = median(speeds(results.nginx!))
  const stockSpeed = median(speeds(results.stock!))
  const hearthSpeed = median(speeds(results.hearth!))
  const row = (label: string, list: Download[], vs: string): string[] => {
    const s = median(speeds(list))
    return [label, medianRange(speeds(list), 1), `${(s * 8 / STREAM_4K_MBIT).toFixed(1)}×`, ratio(s, nginxSpeed), vs, cpuPerGB(list)]
  }
  const second = results.twoSources![0]
  const share = second ? second.wires.map(w => `${w.address} ${(w.downloaded / 1e6).toFixed(0)} MB`).join(', ') : 'n/a'
  const allPaths = results.allPaths![0]
  const byPath = new Map<string, number>()
  for (const wire of allPaths?.wires ?? []) byPath.set(wire.type, (byPath.get(wire.type) ?? 0) + wire.downloaded)
  const pathTotal = [...byPath.values()].reduce((sum, bytes) => sum + bytes, 0)
  const pathShare = pathTotal > 0 ? [...byPath].map(([type, bytes]) => `${type} ${(bytes / 1e6).toFixed(0)} MB (${(100 * bytes / pathTotal).toFixed(0)}%)`).join(', ') : 'n/a'
  notes.unshift(
    `One file: ${file.label}, ${(file.sizeBytes / 1e6).toFixed(0)} MB (the issue asks 500 MB; ~200 MB keeps the suite inside its time budget). Median (min–max) of ${runs} downloads into a fresh context, MB = 10^6 bytes. Goals: Hearth ≥ 1.2× stock WebTorrent, and ≥ 10× a 25 Mbit/s 4K stream.`,
    'Downloader for both BitTorrent rows: stock WebTorrent\'s browser bundle, default options, in-memory; timed from `client.add` to `done` (includes tracker, WebRTC set-up and metadata). nginx: `fetch` of the file read to the end in the page.',
    'Stock seeder: `new WebTorrent()` with default options (its default STUN servers are unreachable in the loopback namespace; host candidates still connect), tracker `new Server({ udp: false })`.',
    `Two sources: wires of the third context at the end: ${share}.`,
    `Every path at once: the Hearth app (player) with the web seed on: it adds the item with the seed node's .torrent, and the web seed and the WebRTC wire (1–2 MiB send queue) both fetch pieces. Bytes by path: ${pathShare}. Seeder CPU per GB includes the web seed's reads.`
  )
  return {
    name: 'throughput',
    title: '3–4. Throughput: a full download into Chromium',
    headers: ['source → Chromium', 'MB/s', '× 25 Mbit/s (4K)', 'vs nginx HTTP', 'vs goal', 'seeder CPU per GB'],
    rows: [
      row('nginx over HTTP (ceiling)', results.nginx!, '—'),
      row('stock WebTorrent Node seeder', results.stock!, '—'),
      row('Hearth seed node, WebRTC', results.hearth!, `${ratio(hearthSpeed, stockSpeed)} stock (goal ≥ 1.20×)`),
      row('Hearth app (player, service worker) from the seed node', results.app!, `${ratio(median(speeds(results.app!)), stockSpeed)} stock`),
      row('two sources: seed node + a second Chromium that has it', results.twoSources!, `${ratio(median(speeds(results.twoSources!)), hearthSpeed)} seed node alone`),
      row('Hearth app, every path at once: web seed + WebRTC from the seed node', results.allPaths!, `${(median(speeds(results.allPaths!)) * 8 / STREAM_4K_MBIT / 10).toFixed(2)}× of the 10× 4K goal (31 MB/s)`)
    ],
    notes,
    data: results
  }
}
