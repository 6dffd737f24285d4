/**
 * `npm run bench [-- --quick] [-- --only <name>[,<name>]]`: runs the benchmark sections
 * (bench/sections/), prints one markdown table per section and writes them to
 * bench/results/latest.md and latest.json (a `--quick` or `--only` run writes
 * bench/results/partial.md/.json instead, so the committed full table stays). Never fails
 * on a number: a section that breaks is reported as failed and the others still run.
 * Runs under scripts/run-loopback-only.sh (loopback-only network namespace).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { BenchContext } from './support/bench-context.ts'
import { killAllMeasured } from './support/measured-process.ts'
import { renderSection, type SectionResult } from './support/report.ts'
import { REPO_ROOT, TARGET_ROOT } from './support/bench-seed-node.ts'

type Section = (ctx: BenchContext) => Promise<SectionResult>

/** In the order they run: cheapest first. */
const SECTIONS: Record<string, { title: string, load: () => Promise<Section> }> = {
  'app-weight': { title: '6. App weight', load: async () => (await import('./sections/app-weight.ts')).runAppWeight },
  'sync-latency': { title: '7. Sync latency', load: async () => (await import('./sections/sync-latency.ts')).runSyncLatency },
  'first-frame': { title: '1–2. First frame and seek', load: async () => (await import('./sections/first-frame.ts')).runFirstFrameAndSeek },
  throughput: { title: '3–4. Throughput and two sources', load: async () => (await import('./sections/throughput.ts')).runThroughput },
  tracker: { title: '5. Tracker load', load: async () => (await import('./sections/tracker-load.ts')).runTrackerLoad },
  'seed-node-scale': { title: '8. Seed node at scale', load: async () => (await import('./sections/seed-node-scale.ts')).runSeedNodeScale },
  'seed-node-memory': { title: '11. Seed node memory', load: async () => (await import('./sections/seed-node-memory.ts')).runSeedNodeMemory },
  'edition-first-frame': { title: '9. First frame through a browser edition', load: async () => (await import('./sections/edition-first-frame.ts')).runEditionFirstFrame },
  thumbnails: { title: '10. Pictures: frame thumbnails and posters', load: async () => (await import('./sections/thumbnails.ts')).runThumbnails },
  'live-latency': { title: '12. Live channels', load: async () => (await import('./sections/live-latency.ts')).runLiveLatency },
  'library-scale': { title: '13. Library at scale', load: async () => (await import('./sections/library-scale.ts')).runLibraryScale },
}

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true })
if (values.help) {
  process.stdout.write(`Usage: npm run bench -- [--quick] [--only ${Object.keys(SECTIONS).join('|')}[,...]]\n`)
  process.exit(0)
}
const only = values.only?.split(',').map(name => name.trim()).filter(Boolean) ?? null
const unknown = (only ?? []).filter(name => !(name in SECTIONS))
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown section ${unknown.join(', ')} (known: ${Object.keys(SECTIONS).join(', ')})\n`)
  process.exit(2)
}

const quick = values.quick === true
const tmpDir = await mkdtemp(path.join(os.tmpdir(), 'hearth-bench-'))
const ctx: BenchContext = { quick, tmpDir, log: line => process.stderr.write(`  · ${line}\n`) }
const cleanUp = async (): Promise<void> => {
  killAllMeasured()
  await rm(tmpDir, { recursive: true, force: true })
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => { void cleanUp().finally(() => process.exit(130)) })
}

const results: SectionResult[] = []
const suiteStarted = performance.now()
try {
  for (const [name, section] of Object.entries(SECTIONS)) {
    if (only && !only.includes(name)) continue
    process.stderr.write(`\n▶ ${section.title} (${name})\n`)
    const started = performance.now()
    let result: SectionResult
    try {
      result = await (await section.load())(ctx)
    } catch (err) {
      result = { name, title: section.title, headers: [], rows: [], notes: [], error: err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 4).join(' ') : String(err) }
    }
    result.elapsedMs = performance.now() - started
    killAllMeasured() // a section must not leave a process behind; this is the backstop
    results.push(result)
    process.stdout.write('\n' + renderSection(result))
  }
} finally {
  await cleanUp()
}

const header = [
  `## Benchmarks — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${quick ? ' (--quick: smoke run, few samples)' : ''}`,
  '',
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, loopback only. ` +
    `Measured tree: ${TARGET_ROOT === REPO_ROOT ? 'this checkout' : `${TARGET_ROOT} (HEARTH_BENCH_TARGET)`}. ` +
    `Whole suite: ${((performance.now() - suiteStarted) / 1000 / 60).toFixed(1)} min.`,
  ''
].join('\n')
const markdown = header + '\n' + results.map(renderSection).join('\n')
const partial = quick || only !== null
const outDir = path.join(REPO_ROOT, 'bench/results')
await mkdir(outDir, { recursive: true })
const base = path.join(outDir, partial ? 'partial' : 'latest')
await writeFile(`${base}.md`, markdown)
await writeFile(`${base}.json`, JSON.stringify({ quick, only, results }, null, 2) + '\n')
process.stderr.write(`\nwrote ${path.relative(REPO_ROOT, base)}.md and .json\n`)
