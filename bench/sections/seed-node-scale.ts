/**
 * Issue 5 preview, the seed node at scale, beside transmission-daemon in the same run:
 * - a generated library of small files (16 KiB each): first ingest, restart → serving
 *   (status lists every item), RSS after 5 s of seeding, CPU; Transmission: the same files
 *   as torrents (made with create-torrent, added over RPC): add → all verified and seeding,
 *   restart → all seeding again, RSS;
 * - hashing throughput on the large bench files: seed node first ingest vs `sha1sum` vs
 *   Transmission's verify, over the same bytes (page cache warm for all);
 * - flash wear: bytes the idle seed node writes (`/proc/<pid>/io` write_bytes) over a
 *   window of rescans of the unchanged library, scaled to an hour at the default rescan.
 * Phases have time limits; one that runs out is reported as such, never waited for.
 */
import { mkdtemp, readFile } from 'node:fs/promises'
import path from 'node:path'
import createTorrent from 'create-torrent'
import type { BenchContext } from '../support/bench-context.ts'
import { benchMedia } from '../support/bench-media.ts'
import { startBenchSeedNode } from '../support/bench-seed-node.ts'
import { mib, runMeasured, type TimeReport } from '../support/measured-process.ts'
import { smallLibrary } from '../support/small-library.ts'
import { startTransmission } from '../support/transmission-daemon.ts'
import type { SectionResult } from '../support/report.ts'
import { ratio } from '../support/stats.ts'

const SETTLE_MS = 5 * 1000
/** The idle-write window rescans this often (the option's minimum), 12 times as often as the default. */
const IDLE_RESCAN_SEC = 5
const DEFAULT_RESCAN_SEC = 60

interface IdleWrites { windowSec: number, rescans: number, writeBytes: number, wcharBytes: number }
interface Side { firstMs: number, restartMs: number, rssKiB: number, firstReport: TimeReport | null, restartReport: TimeReport | null, idle?: IdleWrites, error?: string }

const sleep = async (ms: number): Promise<void> => await new Promise(resolve => setTimeout(resolve, ms))

async function makeTorrent (file: string): Promise<Buffer> {
  return await new Promise((resolve, reject) => createTorrent(file, { createdBy: 'hearth-bench', creationDate: 0 }, (err, torrent) => err ? reject(err) : resolve(Buffer.from(torrent))))
}

async function hearthSide (ctx: BenchContext, library: string, count: number, timeoutMs: number, idleWindowMs: number): Promise<Side> {
  const side: Side = { firstMs: NaN, restartMs: NaN, rssKiB: NaN, firstReport: null, restartReport: null }
  const stateDir = await mkdtemp(path.join(ctx.tmpDir, 'scale-state-'))
  try {
    const first = await startBenchSeedNode({ library, stateDir, timeoutMs, compiled: true })
    side.firstMs = first.scannedMs
    side.firstReport = await first.stop()
    const started = performance.now()
    const node = await startBenchSeedNode({ library, stateDir, timeoutMs, waitForScan: false, compiled: true })
    try {
      while ((await node.status().catch(() => ({ items: 0 }))).items < count) {
        if (performance.now() - started > timeoutMs) throw new Error(`restart did not list ${count} items within ${timeoutMs / 1000} s`)
        await sleep(25)
      }
      side.restartMs = performance.now() - started
      await sleep(SETTLE_MS)
      side.rssKiB = (await node.process.sample()).rssKiB
    } finally {
      side.restartReport = await node.stop()
    }
    side.idle = await idleWrites(library, stateDir, idleWindowMs, timeoutMs)
  } catch (err) {
    side.error = err instanceof Error ? err.message.split('\n')[0] : String(err)
  }
  return side
}

/** write_bytes (what reached the block layer) and wchar (every write call) of a live process. */
async function processIo (pid: number): Promise<{ writeBytes: number, wchar: number }> {
  const text = await readFile(`/proc/${pid}/io`, 'utf8')
  const field = (name: string): number => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(text)?.[1] ?? NaN)
  return { writeBytes: field('write_bytes'), wchar: field('wchar') }
}

/**
 * The seed node over an unchanged, already indexed library, rescanning every
 * IDLE_RESCAN_SEC: what it writes between the end of its first scan and the end of the window.
 */
async function idleWrites (library: string, stateDir: string, windowMs: number, timeoutMs: number): Promise<IdleWrites> {
  const node = await startBenchSeedNode({ library, stateDir, timeoutMs, compiled: true, args: ['--rescan-interval', String(IDLE_RESCAN_SEC)] })
  try {
    const pid = await node.process.pid()
    const scansBefore = (await node.status()).ingest?.scans ?? 0
    const before = await processIo(pid)
    await sleep(windowMs)
    const after = await processIo(pid)
    const scansAfter = (await node.status()).ingest?.scans ?? 0
    return { windowSec: windowMs / 1000, rescans: scansAfter - scansBefore, writeBytes: after.writeBytes - before.writeBytes, wcharBytes: after.wchar - before.wchar }
  } finally {
    await node.stop()
  }
}

async function transmissionSide (ctx: BenchContext, files: string[], timeoutMs: number): Promise<Side> {
  const side: Side = { firstMs: NaN, restartMs: NaN, rssKiB: NaN, firstReport: null, restartReport: null }
  const configDir = await mkdtemp(path.join(ctx.tmpDir, 'transmission-'))
  const waitAllSeeding = async (daemon: Awaited<ReturnType<typeof startTransmission>>, started: number): Promise<number> => {
    for (;;) {
      const { seeding } = await daemon.seedingCount()
      if (seeding >= files.length) return performance.now() - started
      if (performance.now() - started > timeoutMs) throw new Error(`only ${seeding} of ${files.length} torrents seeding after ${timeoutMs / 1000} s`)
      await sleep(25)
    }
  }
  try {
    const torrents: Buffer[] = []
    for (const file of files) torrents.push(await makeTorrent(file))
    let daemon = await startTransmission(configDir, path.dirname(files[0]!))
    try {
      const started = performance.now()
      for (const [i, torrent] of torrents.entries()) await daemon.rpc('torrent-add', { metainfo: torrent.toString('base64'), 'download-dir': path.dirname(files[i]!) })
      side.firstMs = await waitAllSeeding(daemon, started)
    } finally {
      await daemon.stop()
      side.firstReport = await daemon.process.exited
    }
    const started = performance.now()
    daemon = await startTransmission(configDir, path.dirname(files[0]!))
    try {
      side.restartMs = await waitAllSeeding(daemon, started)
      await sleep(SETTLE_MS)
      side.rssKiB = (await daemon.process.sample()).rssKiB
    } finally {
      await daemon.stop()
      side.restartReport = await daemon.process.exited
    }
  } catch (err) {
    side.error = err instanceof Error ? err.message.split('\n')[0] : String(err)
  }
  return side
}

async function sha1sumMs (files: string[]): Promise<number> {
  const list = path.join(path.dirname(files[0]!), '..', '..', '.bench-files.txt')
  await import('node:fs/promises').then(fs => fs.writeFile(list, files.join('\0') + '\0'))
  const run = await runMeasured('sh', ['-c', `xargs -0 sha1sum < '${list}' > /dev/null`])
  return (run.report?.wallSec ?? NaN) * 1000
}

const size = (n: number): string => !Number.isFinite(n) ? 'n/a' : n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} kB` : `${n.toFixed(0)} B`
const s = (ms: number): string => Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'n/a'
const cpu = (r: TimeReport | null): string => r ? `${(r.userSec + r.systemSec).toFixed(1)} s` : 'n/a'

export async function runSeedNodeScale (ctx: BenchContext): Promise<SectionResult> {
  // 10,000 items take Transmission longer than this suite's 15-minute budget to add, so
  // they run on request: HEARTH_BENCH_SCALE_COUNTS=1000,10000 npm run bench -- --only seed-node-scale
  const requested = process.env.HEARTH_BENCH_SCALE_COUNTS?.split(',').map(Number).filter(n => Number.isInteger(n) && n > 0 && n <= 20_000)
  const counts = requested && requested.length > 0 ? requested : ctx.quick ? [300] : [1000]
  const timeoutMs = ctx.quick ? 60 * 1000 : 150 * 1000
  const idleWindowMs = ctx.quick ? 15 * 1000 : 60 * 1000
  const rows: string[][] = []
  const notes: string[] = []
  const data: Record<string, unknown> = {}
  // On a loaded machine one ffprobe per small file makes a first ingest of 10,000 outlast any
  // time limit; HEARTH_BENCH_SCALE_FFPROBE=off runs the small-file seed nodes without it
  // (first ingest and restarts alike, so a restart has nothing to probe either way).
  const ffprobeOff = process.env.HEARTH_BENCH_SCALE_FFPROBE === 'off'
  // Transmission needs far longer than the time limit to add 10,000 torrents over RPC.
  const transmissionMax = Number(process.env.HEARTH_BENCH_SCALE_TRANSMISSION_MAX ?? Infinity)
  for (const count of counts) {
    ctx.log(`generating / reusing ${count} small files`)
    const lib = await smallLibrary(count)
    ctx.log(`seed node, ${count} items${ffprobeOff ? ' (ffprobe off)' : ''}`)
    const savedFfprobe = process.env.HEARTH_FFPROBE
    if (ffprobeOff) process.env.HEARTH_FFPROBE = path.join(ctx.tmpDir, 'no-ffprobe-here')
    const hearth = await hearthSide(ctx, lib.library, count, timeoutMs, idleWindowMs).finally(() => {
      if (savedFfprobe === undefined) delete process.env.HEARTH_FFPROBE
      else process.env.HEARTH_FFPROBE = savedFfprobe
    })
    ctx.log(`transmission-daemon, ${count} torrents`)
    const transmission: Side = count <= transmissionMax
      ? await transmissionSide(ctx, lib.files, timeoutMs)
      : { firstMs: NaN, restartMs: NaN, rssKiB: NaN, firstReport: null, restartReport: null, error: `not run (HEARTH_BENCH_SCALE_TRANSMISSION_MAX=${transmissionMax})` }
    data[`small/${count}`] = { hearth, transmission }
    const n = count.toLocaleString('en')
    rows.push(
      [`${n} items: restart → serving`, s(hearth.restartMs), s(transmission.restartMs), `${ratio(hearth.restartMs, transmission.restartMs)} (goal ≤ 1×${count >= 10_000 ? ', < 3 s' : ''})`],
      [`${n} items: RSS while seeding (5 s after serving)`, mib(hearth.rssKiB), mib(transmission.rssKiB), `${ratio(hearth.rssKiB, transmission.rssKiB)} (goal ≤ 1×${count >= 10_000 ? ', < 200 MB' : ''})`],
      [`${n} items: peak RSS / CPU, restarted process (whole life)`, `${mib(hearth.restartReport?.maxRssKiB ?? NaN)} / ${cpu(hearth.restartReport)}`, `${mib(transmission.restartReport?.maxRssKiB ?? NaN)} / ${cpu(transmission.restartReport)}`, ''],
      [`${n} items: first ingest (start → every item ready)`, s(hearth.firstMs), s(transmission.firstMs), ratio(hearth.firstMs, transmission.firstMs)]
    )
    const idle = hearth.idle
    if (idle) {
      // Scaled to an hour of rescans at the default interval: the rescans are what could write.
      const perRescan = idle.rescans > 0 ? idle.writeBytes / idle.rescans : NaN
      const perHour = perRescan * (3600 / DEFAULT_RESCAN_SEC)
      rows.push([`${n} items: idle writes to disk per hour (rescan every ${DEFAULT_RESCAN_SEC} s)`,
        `${size(perHour)} (${size(idle.writeBytes)} write_bytes, ${size(idle.wcharBytes)} wchar in ${idle.windowSec} s, ${idle.rescans} rescans)`, 'not measured', 'goal ≈ 0'])
    }
    for (const [who, side] of [['seed node', hearth], ['transmission', transmission]] as const) if (side.error) notes.push(`${n} items, ${who}: ${side.error}.`)
  }

  ctx.log('hashing throughput on the large files')
  const media = await benchMedia(ctx.quick ? 40 : 200, ctx.log)
  const files = media.files.map(f => f.path)
  const bytes = media.files.reduce((sum, f) => sum + f.sizeBytes, 0)
  await sha1sumMs(files) // warm the page cache for everyone
  const shaMs = await sha1sumMs(files)
  const hearthIngest = await startBenchSeedNode({ library: media.library, stateDir: await mkdtemp(path.join(ctx.tmpDir, 'hash-state-')), timeoutMs, compiled: true })
  const hearthMs = hearthIngest.scannedMs
  // The ingest alone: from the seed node's "running" line to its first scan done (hashing, probes, index).
  const ingestMs = hearthIngest.scannedMs - hearthIngest.startedMs
  const hearthReport = await hearthIngest.stop()
  const transmission = await transmissionSide(ctx, files, timeoutMs)
  const mbs = (ms: number): number => bytes / 1e6 / (ms / 1000)
  rows.push([`hashing ${media.files.length} files, ${(bytes / 1e6).toFixed(0)} MB: MB/s (sha1sum: ${mbs(shaMs).toFixed(0)} MB/s)`, `${mbs(hearthMs).toFixed(0)} MB/s (${s(hearthMs)}, ${cpu(hearthReport)} CPU)`,
    `${mbs(transmission.firstMs).toFixed(0)} MB/s (verify)`, `${ratio(mbs(hearthMs), mbs(shaMs))} sha1sum (goal ≥ 0.80×)`])
  rows.push([`hashing, ingest alone (running → first scan done): MB/s`, `${mbs(ingestMs).toFixed(0)} MB/s (${s(ingestMs)})`, '', `${ratio(mbs(ingestMs), mbs(shaMs))} sha1sum`])
  if (transmission.error) notes.push(`Transmission verify of the large files: ${transmission.error}.`)
  data.hashing = { bytes, shaMs, hearthMs, ingestMs, hearthReport, transmission }

  notes.unshift(
    `Small files: 16 KiB of seeded random bytes each, named .mp4 (the probe reads them as unknown containers), 100 per folder. "Serving": the seed node's /api/status lists every item; Transmission: torrent-get reports every torrent seeding. Restart times run from spawning the process. Phases are cut off after ${timeoutMs / 1000} s.`,
    'Transmission gets the same files as torrents made with create-torrent (not timed) and added over its JSON-RPC, DHT/LPD/PEX/uTP off; its first ingest is add → verified and seeding. The seed node runs compiled, as npm start runs it (dist-node/, plain node and its V8 flags); its first ingest and restart include starting Node.',
    `Item counts: ${counts.join(', ')} (10,000 on request with HEARTH_BENCH_SCALE_COUNTS, outside the 15-minute suite).${ffprobeOff ? ' Small-file seed nodes ran without ffprobe (HEARTH_BENCH_SCALE_FFPROBE=off).' : ''}`,
    'Hashing: seed node = start with an empty state folder → first scan done (includes process start and the media probe, which runs beside the hashing threads); "ingest alone" starts at the seed node\'s running line; sha1sum = `xargs sha1sum` wall time, page cache warm for both.',
    `Idle writes: the restarted seed node over the unchanged library with --rescan-interval ${IDLE_RESCAN_SEC}, from the end of its first scan for the window; write_bytes from /proc/<pid>/io (bytes the process sent towards the disk, the state folder being on disk), scaled per rescan to ${3600 / DEFAULT_RESCAN_SEC} rescans an hour. wchar counts every write call, logs and sockets included.`
  )
  return { name: 'seed-node-scale', title: '8. Seed node at scale vs transmission-daemon', headers: ['measure', 'Hearth seed node', 'transmission-daemon', 'Hearth vs goal'], rows, notes, data }
}
