/**
 * Starts the real seed node CLI for a benchmark, under `/usr/bin/time -v` in a process
 * group of its own (see measured-process.ts), on 127.0.0.1 and a port chosen at run time.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startMeasured, type MeasuredProcess, type TimeReport } from './measured-process.ts'
import { seedNodeJson } from './seed-node-http.ts'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/**
 * The checkout whose seed node and built app (`dist/`) are measured: this repo, or another
 * tree given in HEARTH_BENCH_TARGET (e.g. an export of a commit, to compare versions or to
 * measure a known state while the working tree is mid-change).
 */
export const TARGET_ROOT = path.resolve(process.env.HEARTH_BENCH_TARGET ?? REPO_ROOT)
const STARTUP_TIMEOUT_MS = 5 * 60 * 1000

export interface BenchSeedNode {
  url: string
  pairingLink: string
  process: MeasuredProcess
  /** ms from spawn to the "running" line, and to the first finished scan. */
  startedMs: number
  scannedMs: number
  status: () => Promise<SeedNodeStatus>
  stop: () => Promise<TimeReport | null>
}

export interface SeedNodeStatus {
  items: number
  ingest: { itemsHashed: number, itemsReused: number, piecesHashed: number, scans: number, scanning: boolean }
  seeder: { torrents: number, peers: number, webrtcPeers: number, uploadedBytes: number }
}

export async function startBenchSeedNode (options: { library: string, stateDir: string, args?: string[], waitForScan?: boolean, timeoutMs?: number }): Promise<BenchSeedNode> {
  const started = performance.now()
  const timeoutMs = options.timeoutMs ?? STARTUP_TIMEOUT_MS
  const proc = startMeasured(process.execPath, ['--import', 'tsx', path.join(TARGET_ROOT, 'seed-node/cli.ts'),
    '--library', options.library, '--state', options.stateDir, '--host', '127.0.0.1', '--port', '0', '--log-level', 'warn', ...(options.args ?? [])], { cwd: TARGET_ROOT })
  try {
    const url = (await proc.waitFor(/Hearth is running: open (http:\/\/127\.0\.0\.1:\d+)/, timeoutMs))[1]!
    const startedMs = performance.now() - started
    const pairingLink = (await proc.waitFor(/(http:\/\/127\.0\.0\.1:\d+\/pair#key=[A-Za-z0-9_-]+)/, 5000))[1]!
    const status = async (): Promise<SeedNodeStatus> => await seedNodeJson<SeedNodeStatus>(url, '/api/status', pairingLink)
    if (options.waitForScan !== false) {
      // A busy node (first ingest) may drop a poll; only the deadline ends the wait.
      while (((await status().catch(() => null))?.ingest.scans ?? 0) < 1) {
        if (performance.now() - started > timeoutMs) throw new Error(`first library scan did not finish within ${(timeoutMs / 1000).toFixed(0)} s`)
        await new Promise(resolve => setTimeout(resolve, 20))
      }
    }
    return { url, pairingLink, process: proc, startedMs, scannedMs: performance.now() - started, status, stop: async () => await proc.stop() }
  } catch (err) {
    await proc.stop()
    throw err
  }
}
