/**
 * Issue 6 §5: announces per second and latency with 1,000 and 5,000 concurrent WebSocket
 * clients from a separate load process (bench/tracker-load-client.ts), against Hearth's
 * tracker with access control (bench/tracker-target.ts hearth) and bare bittorrent-tracker
 * with default options (… bare), one after the other in the same run. Each target is a
 * fresh process under time -v; its CPU and RSS over the measured window come from /proc.
 */
import path from 'node:path'
import type { BenchContext } from '../support/bench-context.ts'
import { REPO_ROOT } from '../support/bench-seed-node.ts'
import { mib, runMeasured, startMeasured } from '../support/measured-process.ts'
import type { SectionResult } from '../support/report.ts'
import { ratio } from '../support/stats.ts'

interface LoadResult { connected: number, failedConnects: number, announces: number, errors: number, seconds: number, latencyMs: { p50: number, p99: number, max: number } }
interface Measured { load: LoadResult, cpuSec: number, rssKiB: number, peakRssKiB: number, loadCpuSec: number }

const tsx = (script: string, args: string[]): [string, string[]] => [process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'bench', script), ...args]]

async function measure (kind: 'hearth' | 'bare', clients: number, seconds: number): Promise<Measured> {
  const target = startMeasured(...tsx('tracker-target.ts', [kind]), { cwd: REPO_ROOT })
  try {
    const url = (await target.waitFor(/LISTENING (\S+)/, 30 * 1000))[1]!
    const before = await target.sample()
    const run = await runMeasured(...tsx('tracker-load-client.ts', [url, String(clients), String(seconds)]), { cwd: REPO_ROOT })
    const after = await target.sample()
    const line = run.output.split('\n').find(l => l.startsWith('{'))
    if (!line) throw new Error(`load client printed no result:\n${run.output.slice(-2000)}`)
    return { load: JSON.parse(line) as LoadResult, cpuSec: after.cpuSec - before.cpuSec, rssKiB: after.rssKiB, peakRssKiB: after.peakRssKiB, loadCpuSec: (run.report?.userSec ?? NaN) + (run.report?.systemSec ?? NaN) }
  } finally {
    await target.stop()
  }
}

export async function runTrackerLoad (ctx: BenchContext): Promise<SectionResult> {
  const seconds = ctx.quick ? 3 : 10
  const counts = ctx.quick ? [1000] : [1000, 5000]
  const rows: string[][] = []
  const data: Record<string, Measured> = {}
  for (const clients of counts) {
    for (const kind of ['hearth', 'bare'] as const) {
      ctx.log(`${kind}: ${clients} clients`)
      data[`${kind}/${clients}`] = await measure(kind, clients, seconds)
    }
    const perSec = (m: Measured): number => m.load.announces / m.load.seconds
    const ours = data[`hearth/${clients}`]!
    const bare = data[`bare/${clients}`]!
    for (const [label, m] of [['Hearth tracker (token checked, limits on)', ours], ['bare bittorrent-tracker, defaults', bare]] as const) {
      rows.push([`${clients.toLocaleString('en')} clients: ${label}`, `${m.load.connected}${m.load.failedConnects ? ` (${m.load.failedConnects} refused)` : ''}`, perSec(m).toFixed(0),
        m.load.latencyMs.p50.toFixed(1), m.load.latencyMs.p99.toFixed(1), String(m.load.errors), m.cpuSec.toFixed(1), mib(m.rssKiB),
        m === ours ? `${ratio(perSec(ours), perSec(bare))} bare (goal ≥ 1.00×)` : '—'])
    }
  }
  return {
    name: 'tracker',
    title: '5. Tracker: WebSocket announces under load',
    headers: ['target', 'connected', 'announces/s', 'p50 ms', 'p99 ms', 'errors', 'tracker CPU s (connect + load)', 'tracker RSS after', 'vs goal'],
    rows,
    notes: [
      `Each client announces in a closed loop (the next as soon as the answer arrives) for ${seconds} s after all connections are open; announces are WebTorrent-shaped with numwant 0 and no offers (so no offer relay), over 100 seeded-random swarms. Load process and tracker share this 2-core machine, so latency includes the load generator's own queue.`,
      'Hearth tracker limits raised for the load (10,000 connections per address, 10,000 messages/s per connection); its `authenticate` accepts one token, presented in `/announce/<token>` on every connection. For scale, aquatic\'s published load test gives bare bittorrent-tracker ~25,000 responses/s on one core and aquatic_ws ~120,000.'
    ],
    data
  }
}
