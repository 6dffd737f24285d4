/**
 * How the seed node process runs, for `/api/status`: compiled JavaScript (`npm run build`
 * bundles it into `dist-node/`) or TypeScript through a loader, its flags, its memory.
 * Tests assert on these (the compiled node runs with no transpiler); benchmarks read memory
 * from outside (`/proc/<pid>/status`) instead.
 */
import type { RuntimeStats } from '../../protocol/api/status.ts'
import { heapTrims } from './heap-trim.ts'

/** Flags and NODE_OPTIONS words that bring a TypeScript loader into the process. */
const TYPESCRIPT_LOADER = /\btsx\b|ts-node|--experimental-strip-types|--experimental-transform-types/

export function runtimeStats (moduleUrl: string = import.meta.url): RuntimeStats {
  const compiled = !moduleUrl.endsWith('.ts')
  const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ')
  const memory = process.memoryUsage()
  return {
    execArgv: [...process.execArgv],
    compiled,
    typeScriptLoader: !compiled || TYPESCRIPT_LOADER.test(flags),
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    heapTrims: heapTrims()
  }
}
