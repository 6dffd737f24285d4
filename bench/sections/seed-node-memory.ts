/**
 * Issue 14, memory: the seed node's resident memory (the whole process tree, from
 * /proc/<pid>/status VmRSS) idle at 1,000 and 10,000 items and while one viewer streams,
 * beside transmission-daemon idle with the same 1,000 files in the same run.
 * - "compiled": `dist-node/seed-node.js` with plain node and npm start's V8 flags (after);
 *   "sources under tsx": the TypeScript through tsx, default V8 flags (before, same run).
 * - Idle: a restart over an unchanged library, every item listed, then SETTLE_MS of nothing.
 * - One viewer: a Node WebTorrent peer over WebRTC (the seed node loads WebRTC for it)
 *   downloading a 64 MiB file of the library; the largest tree RSS sampled while it runs.
 * Per-item cost: (idle RSS at 10,000 − idle RSS at 1,000) / 9,000, and the same for the live
 * JavaScript heap (`heapUsed` from /api/status: after the scan's full collection, that is
 * what the items hold, not garbage waiting for a collection), so a row tells the items' own
 * cost apart from what the heap and malloc keep around them.
 */
import { link, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import createTorrent from 'create-torrent'
import WebTorrent from 'webtorrent'
import { parseCatalog } from '../../protocol/catalog.ts'
import { deriveKeys } from '../../protocol/library-key.ts'
import { parsePairingFragment } from '../../protocol/pairing-link.ts'
import { api } from '../../seed-node/testing/seed-node-api.ts'
import type { BenchContext } from '../support/bench-context.ts'
import { startBenchSeedNode, type BenchSeedNode } from '../support/bench-seed-node.ts'
import { mib } from '../support/measured-process.ts'
import { processTreeRssKiB } from '../support/process-tree-memory.ts'
import { COMPILED_NODE_ENV, COMPILED_NODE_FLAGS } from '../../seed-node/testing/compiled-seed-node.ts'
import type { SectionResult } from '../support/report.ts'
import { smallLibrary } from '../support/small-library.ts'
import { seededRandom } from '../support/stats.ts'
import { startTransmission } from '../support/transmission-daemon.ts'

const SETTLE_MS = 10 * 1000
const SAMPLE_INTERVAL_MS = 250
const VIEWER_FILE_BYTES = 64 * 1024 * 1024
const VIEWER_FILE = 'Music/Viewer Mix (2026).mp3'
const VIEWER_TIMEOUT_MS = 120 * 1000

const sleep = async (ms: number): Promise<void> => await new Promise(resolve => setTimeout(resolve, ms))

/**
 * The small-file library of `count` items (hard links, so no bytes are copied) plus one
 * 64 MiB file for the viewer. The links are named `.mp3`: music is not probed with ffprobe,
 * so a first ingest of 10,000 items costs hashing alone, not 10,000 ffprobe processes.
 */
async function memoryLibrary (count: number): Promise<{ library: string, files: string[] }> {
  const small = await smallLibrary(count)
  const library = path.join(os.tmpdir(), `hearth-bench-memory-v2-${count}`)
  const done = path.join(library, '.complete')
  if (await stat(done).then(() => false, () => true)) {
    for (const file of small.files) {
      const target = path.join(library, path.relative(small.library, file)).replace(/\.mp4$/, '.mp3')
      await mkdir(path.dirname(target), { recursive: true })
      await link(file, target).catch(err => { if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err })
    }
    const viewer = path.join(library, VIEWER_FILE)
    await mkdir(path.dirname(viewer), { recursive: true })
    const rng = seededRandom(14)
    const bytes = Buffer.alloc(VIEWER_FILE_BYTES)
    for (let b = 0; b < bytes.length; b += 4) bytes.writeUInt32LE(Math.floor(rng() * 2 ** 32), b)
    await writeFile(viewer, bytes)
    await writeFile(done, '')
  }
  return { library, files: small.files }
}

async function treeRss (node: BenchSeedNode): Promise<number> {
  return (await processTreeRssKiB(await node.process.pid())).rssKiB
}

async function waitForItems (node: BenchSeedNode, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while ((await node.status().catch(() => ({ items: 0 }))).items < count) {
    if (Date.now() > deadline) throw new Error(`the seed node did not list ${count} items within ${timeoutMs / 1000} s`)
    await sleep(50)
  }
}

/** A Node WebRTC peer downloads the viewer file from the seed node; returns the largest tree RSS seen meanwhile. */
async function viewerPeakRss (node: BenchSeedNode, credential: string): Promise<{ peakKiB: number, mbPerSec: number }> {
  const items = parseCatalog((await api({ url: node.url, credential }, 'GET', '/api/catalog')).json).items
  const item = items.find(candidate => VIEWER_FILE.endsWith(candidate.mediaPath))
  if (!item) throw new Error(`${VIEWER_FILE} is not in the catalog`)
  const client = new WebTorrent({ dht: false, lsd: false, utPex: false, natUpnp: false, natPmp: false, webSeeds: false, tracker: { rtcConfig: { iceServers: [] } } })
  client.on('error', () => {})
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-bench-viewer-'))
  let peakKiB = 0
  const started = performance.now()
  try {
    const torrent = client.add(item.magnet, { path: dir })
    const done = new Promise<void>(resolve => torrent.once('done', () => resolve()))
    let finished = false
    void done.then(() => { finished = true })
    while (!finished) {
      if (performance.now() - started > VIEWER_TIMEOUT_MS) throw new Error(`the viewer did not finish within ${VIEWER_TIMEOUT_MS / 1000} s`)
      peakKiB = Math.max(peakKiB, await treeRss(node))
      await sleep(SAMPLE_INTERVAL_MS)
    }
    return { peakKiB, mbPerSec: VIEWER_FILE_BYTES / 1e6 / ((performance.now() - started) / 1000) }
  } finally {
    await new Promise<void>(resolve => client.destroy(() => resolve()))
    await rm(dir, { recursive: true, force: true })
  }
}

interface HearthMemory { idleKiB: number, heapUsedKiB: number, clientTorrents: number | null, viewerKiB: number, viewerMbPerSec: number, webrtcLoadedIdle: boolean | null, error?: string }

async function hearthMemory (library: string, stateDir: string, count: number, compiled: boolean, timeoutMs: number, withViewer: boolean): Promise<HearthMemory> {
  const result: HearthMemory = { idleKiB: NaN, heapUsedKiB: NaN, clientTorrents: null, viewerKiB: NaN, viewerMbPerSec: NaN, webrtcLoadedIdle: null }
  try {
    const node = await startBenchSeedNode({ library, stateDir, timeoutMs, waitForScan: false, compiled })
    try {
      await waitForItems(node, count + 1, timeoutMs)
      await sleep(SETTLE_MS)
      result.idleKiB = await treeRss(node)
      const credential = await credentialOf(node.pairingLink)
      const status = (await api({ url: node.url, credential }, 'GET', '/api/status')).json as { webrtc?: { loaded?: boolean }, runtime?: { heapUsedBytes?: number }, seeder?: { clientTorrents?: number } }
      result.webrtcLoadedIdle = status.webrtc?.loaded ?? null
      result.heapUsedKiB = (status.runtime?.heapUsedBytes ?? NaN) / 1024
      result.clientTorrents = status.seeder?.clientTorrents ?? null
      if (withViewer) {
        const viewer = await viewerPeakRss(node, credential)
        result.viewerKiB = viewer.peakKiB
        result.viewerMbPerSec = viewer.mbPerSec
      }
    } finally {
      await node.stop()
    }
  } catch (err) {
    result.error = err instanceof Error ? err.message.split('\n')[0] : String(err)
  }
  return result
}

async function credentialOf (pairingLink: string): Promise<string> {
  return (await deriveKeys(parsePairingFragment(new URL(pairingLink).hash))).credential
}

async function transmissionIdleKiB (ctx: BenchContext, files: string[], timeoutMs: number): Promise<number> {
  const configDir = await mkdtemp(path.join(ctx.tmpDir, 'transmission-memory-'))
  const downloadDir = path.dirname(files[0] ?? ctx.tmpDir)
  const allSeeding = async (daemon: Awaited<ReturnType<typeof startTransmission>>): Promise<void> => {
    const started = Date.now()
    for (let state = await daemon.seedingCount(); state.seeding < files.length; state = await daemon.seedingCount()) {
      if (Date.now() - started > timeoutMs) throw new Error(`not every torrent seeding after ${timeoutMs / 1000} s (${state.seeding} of ${files.length})`)
      await sleep(250)
    }
  }
  let daemon = await startTransmission(configDir, downloadDir)
  try {
    for (const file of files) {
      const torrent = await new Promise<Buffer>((resolve, reject) => createTorrent(file, { createdBy: 'hearth-bench', creationDate: 0 }, (err, made) => err ? reject(err) : resolve(Buffer.from(made))))
      await daemon.rpc('torrent-add', { metainfo: torrent.toString('base64'), 'download-dir': path.dirname(file) })
    }
    await allSeeding(daemon) // verified, so the restart below reads its resume files only
  } finally {
    await daemon.stop()
  }
  daemon = await startTransmission(configDir, downloadDir)
  try {
    await allSeeding(daemon)
    await sleep(SETTLE_MS)
    return (await processTreeRssKiB(await daemon.process.pid())).rssKiB
  } finally {
    await daemon.stop()
  }
}

const perItem = (small: number, large: number, items: number): string => Number.isFinite(small) && Number.isFinite(large) ? `${Math.max(0, (large - small) * 1024 / items).toFixed(0)} B` : 'n/a'

export async function runSeedNodeMemory (ctx: BenchContext): Promise<SectionResult> {
  // HEARTH_BENCH_MEMORY_COUNTS=1000,10000 (the default); Transmission gets the smallest count
  // only: adding 10,000 torrents over its RPC outlasts the suite's budget.
  const requested = process.env.HEARTH_BENCH_MEMORY_COUNTS?.split(',').map(Number).filter(n => Number.isInteger(n) && n > 0 && n <= 20_000)
  const counts = requested && requested.length > 0 ? requested : ctx.quick ? [300] : [1000, 10_000]
  const timeoutMs = 10 * 60 * 1000
  const rows: string[][] = []
  const notes: string[] = []
  const data: Record<string, unknown> = {}
  const idle: Record<number, { compiled: number, sources: number, compiledHeap: number, sourcesHeap: number }> = {}
  for (const count of counts) {
    ctx.log(`memory: library of ${count} items`)
    const { library, files } = await memoryLibrary(count)
    const stateDir = await mkdtemp(path.join(ctx.tmpDir, 'memory-state-'))
    ctx.log('memory: first ingest (compiled, not measured)')
    const first = await startBenchSeedNode({ library, stateDir, timeoutMs, compiled: true })
    await first.stop()
    ctx.log('memory: compiled seed node, idle then one viewer')
    const compiled = await hearthMemory(library, stateDir, count, true, timeoutMs, true)
    ctx.log('memory: sources under tsx, idle')
    const sources = await hearthMemory(library, stateDir, count, false, timeoutMs, false)
    let transmissionKiB = NaN
    if (count === counts[0]) {
      ctx.log(`memory: transmission-daemon, ${count} torrents`)
      transmissionKiB = await transmissionIdleKiB(ctx, files, timeoutMs).catch((err: unknown) => { notes.push(`transmission: ${err instanceof Error ? err.message : String(err)}`); return NaN })
    }
    idle[count] = { compiled: compiled.idleKiB, sources: sources.idleKiB, compiledHeap: compiled.heapUsedKiB, sourcesHeap: sources.heapUsedKiB }
    data[`items/${count}`] = { compiled, sources, transmissionKiB }
    const n = count.toLocaleString('en')
    const goal = count >= 10_000 ? ' (goal < 100 MiB)' : ''
    rows.push(
      [`${n} items: idle RSS, process tree`, mib(compiled.idleKiB), mib(sources.idleKiB), mib(transmissionKiB), `${goal}${compiled.webrtcLoadedIdle === false ? ' WebRTC not loaded' : ''}${compiled.clientTorrents !== null ? `; ${compiled.clientTorrents} WebTorrent torrent(s) held` : ''}`],
      [`${n} items: idle live JS heap (heapUsed)`, mib(compiled.heapUsedKiB), mib(sources.heapUsedKiB), 'n/a', ''],
      [`${n} items: one viewer streaming (peak RSS)`, mib(compiled.viewerKiB), 'n/a', 'n/a', `${Number.isFinite(compiled.viewerMbPerSec) ? `${compiled.viewerMbPerSec.toFixed(1)} MB/s over WebRTC` : ''}${count >= 10_000 ? ' (goal < 150 MiB)' : ''}`]
    )
    for (const [who, side] of [['compiled', compiled], ['sources', sources]] as const) if (side.error) notes.push(`${n} items, ${who}: ${side.error}.`)
  }
  const [small, large] = [counts[0], counts[counts.length - 1]]
  if (small !== undefined && large !== undefined && large > small) {
    const a = idle[small]
    const b = idle[large]
    if (a && b) {
      rows.push(
        [`idle cost per dormant item, RSS (${small.toLocaleString('en')} → ${large.toLocaleString('en')})`, perItem(a.compiled, b.compiled, large - small), perItem(a.sources, b.sources, large - small), '', '(goal well under 1 KB)'],
        [`idle cost per dormant item, live heap (${small.toLocaleString('en')} → ${large.toLocaleString('en')})`, perItem(a.compiledHeap, b.compiledHeap, large - small), perItem(a.sourcesHeap, b.sourcesHeap, large - small), '', 'what the items themselves hold']
      )
    }
  }
  notes.unshift(
    `Whole process tree, VmRSS from /proc, ${SETTLE_MS / 1000} s after a restart lists every item (16 KiB files named .mp3, so the first ingest runs no ffprobe, plus one ${VIEWER_FILE_BYTES / 2 ** 20} MiB file for the viewer). "compiled" is what npm start runs (dist-node/, plain node, ${COMPILED_NODE_FLAGS.join(' ')}, the malloc settings of deploy/: ${Object.entries(COMPILED_NODE_ENV).map(([name, value]) => `${name}=${value}`).join(' ')}; the process sets --optimize-for-size and collects after a scan that changed items itself); "sources under tsx" is the TypeScript through tsx, without the command-line flag or the malloc settings, in the same run.`,
    'The viewer is a Node WebTorrent peer over WebRTC (it makes the seed node load WebRTC), downloading the whole file as fast as it can: heavier than a browser playing at its bit rate.',
    'transmission-daemon: the smallest count only, the same files as torrents, restarted, all seeding, same settle time.'
  )
  return { name: 'seed-node-memory', title: '11. Seed node memory', headers: ['measure', 'Hearth compiled', 'Hearth sources under tsx', 'transmission-daemon', 'notes'], rows, notes, data }
}
