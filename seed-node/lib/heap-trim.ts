/**
 * V8 settings for a small machine, set by the seed node process itself (so `npm start`,
 * deploy/, the bench and the tests' compiled node all get them from here), and a full
 * collection after each burst of work.
 *
 * - `--optimize-for-size`: V8 grows its old generation in smaller steps and collects sooner.
 *   Measured at 10,000 items (bench/README.md, "memory"): −20 MiB idle RSS. Its heap
 *   heuristics are read at each collection, so setting it after start works.
 * - A full collection after a scan that changed items, and the first (`trimHeapAfterChange`): V8 grows the heap while the index is
 *   parsed and every item built, and on its own collects that garbage only when allocation
 *   next pushes it to, so an idle seed node sat on tens of MiB of dead objects for hours.
 *   Collecting right after the scan frees them and unmaps the emptied pages: −20 MiB more.
 *   The collector is reached through a fresh context with `--expose-gc` set (not a flag on
 *   the command line, and no `gc` left on this context's global object).
 *
 * `--max-semi-space-size=1` must be on the command line (the young generation is sized when
 * the heap is made): seed-node/testing/compiled-seed-node.ts. `enableSmallHeap` runs in the
 * seed node's own process only (cli.ts), never in a test runner that imports the code.
 */
import v8 from 'node:v8'
import vm from 'node:vm'

let enabled = false
let collections = 0

/** Sets the V8 flags above; called first thing by cli.ts. */
export function enableSmallHeap (): void {
  v8.setFlagsFromString('--optimize-for-size')
  v8.setFlagsFromString('--expose-gc')
  enabled = true
}

/** A full, synchronous collection (tens of ms at 10,000 items), if `enableSmallHeap` ran; returns whether it did. */
export function trimHeap (): boolean {
  if (!enabled) return false
  const gc = vm.runInNewContext('gc') as unknown
  if (typeof gc !== 'function') return false
  gc()
  collections++
  return true
}

let trimmedAtVersion: number | null = null

/**
 * `trimHeap` after a scan, when the catalog's version moved since the last one: the first
 * scan (after the index load) and any that changed items leave old-generation garbage. An
 * idle rescan leaves only short-lived garbage (an unchanged item's new copy is dropped at
 * once: library-registry.ts), which the young generation collects: no full collection then.
 */
export function trimHeapAfterChange (catalogVersion: number): void {
  if (catalogVersion === trimmedAtVersion) return
  if (trimHeap()) trimmedAtVersion = catalogVersion
}

/** Full collections `trimHeap` has run since start. */
export function heapTrims (): number {
  return collections
}

/** Whether this process set the small-heap flags (`/api/status` runtime). */
export function smallHeap (): boolean {
  return enabled
}
