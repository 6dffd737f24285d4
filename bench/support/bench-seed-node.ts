/**
 * Starts the real seed node CLI for a benchmark through the shared harness
 * (seed-node/testing/seed-node-process.ts), under `/usr/bin/time -v` in a process group of
 * its own (see measured-process.ts), on 127.0.0.1 and a port chosen at run time.
 */
import path from 'node:path'
import { REPO_ROOT, startSeedNodeProcess, waitForFirstScan } from '../../seed-node/testing/seed-node-process.ts'
import type { SeedNodeStatus } from '../../seed-node/testing/seed-node-status.ts'
import type { Launcher } from '../../seed-node/testing/cli-process.ts'
import { startMeasured, type MeasuredProcess, type TimeReport } from './measured-process.ts'

export { REPO_ROOT }
export type { SeedNodeStatus }
/**
 * The checkout whose seed node and built app (`dist/`) are measured: this repo, or another
 * tree given in HEARTH_BENCH_TARGET (e.g. an export of a commit, to compare versions or to
 * measure a known state while the working tree is mid-change).
 */
export const TARGET_ROOT = path.resolve(process.env.HEARTH_BENCH_TARGET ?? REPO_ROOT)
const STARTUP_TIMEOUT_MS = 5 * 60 * 1000
/** The first-scan wait polls this often, so `scannedMs` is off by at most this much. */
const SCAN_POLL_INTERVAL_MS = 20

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

export async function startBenchSeedNode (options: { library: string, stateDir: string, args?: string[], waitForScan?: boolean, timeoutMs?: number, env?: NodeJS.ProcessEnv }): Promise<BenchSeedNode> {
  const started = performance.now()
  const timeoutMs = options.timeoutMs ?? STARTUP_TIMEOUT_MS
  let measured: MeasuredProcess | null = null
  const launch: Launcher = (command, args, cwd) => {
    const proc = startMeasured(command, args, { cwd, env: options.env })
    measured = proc
    return { child: proc.child, signal: async signal => { await proc.stop(signal) } }
  }
  const node = await startSeedNodeProcess({
    library: options.library, stateDir: options.stateDir, root: TARGET_ROOT, launch,
    args: ['--log-level', 'warn', ...(options.args ?? [])], waitForScan: false, startupTimeoutMs: timeoutMs
  })
  const proc = measured as MeasuredProcess | null // assigned by `launch`, which startSeedNodeProcess called
  if (proc === null) throw new Error('the harness did not launch the seed node')
  const startedMs = performance.now() - started
  try {
    if (options.waitForScan !== false) await waitForFirstScan(node, timeoutMs - startedMs, SCAN_POLL_INTERVAL_MS)
  } catch (err) {
    await proc.stop()
    throw err
  }
  return {
    url: node.url,
    pairingLink: node.pairingLink,
    process: proc,
    startedMs,
    scannedMs: performance.now() - started,
    status: node.status,
    stop: async () => { await node.stop(); return await proc.exited }
  }
}
