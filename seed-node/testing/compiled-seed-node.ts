/**
 * The compiled seed node as `npm start` runs it: `node <flags> dist-node/seed-node.js`
 * (scripts/build/build-node.ts makes it). The flags are V8's, for a small machine; the same
 * list is in package.json's `start` script and in deploy/ (a unit test keeps them equal).
 * The other V8 settings (`--optimize-for-size`, a collection after a scan that changed items) the process
 * sets itself (seed-node/lib/heap-trim.ts), so they need no place on a command line.
 *
 * `--max-semi-space-size=1`: V8's young generation grows to 16 MiB per semi-space (x3 with
 * the scavenger's copy) on a 64-bit machine; the seed node's garbage is small and short-lived
 * (announces, HTTP requests), so a 1 MiB semi-space costs a few more scavenges and saves
 * ~30 MiB of resident memory (bench/README.md, "memory").
 */
export const COMPILED_SEED_NODE = 'dist-node/seed-node.js'
export const COMPILED_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1']

/**
 * glibc malloc for a long-lived small process, set in the environment (glibc reads it at
 * start, before any JavaScript runs): deploy/ and the harness (compiled runs) set these, and
 * a unit test keeps deploy/ equal to this list. Measured at 10,000 items (bench/README.md,
 * section 11): the main arena (`[heap]` in /proc/<pid>/smaps) held ~34 MiB resident of
 * freed, fragmented memory; with these, idle RSS fell from ~130 to ~95 MiB.
 * - `MALLOC_MMAP_THRESHOLD_`: blocks from 64 KiB up (the index file read at start in 64 KiB
 *   pieces, hashing and piece buffers) get pages of their own, given back when freed. Fixing
 *   it also stops glibc raising the threshold to 32 MiB after the first such block is freed,
 *   which is what sent later large blocks into the arena for good. At 128 KiB the arena still
 *   grew back to ~34 MiB in about one run in four; at 64 KiB it stayed under 14 MiB.
 * - `MALLOC_TRIM_THRESHOLD_`: free memory at the arena's top is returned past 64 KiB.
 * - `MALLOC_ARENA_MAX=2`: threads (hashing, libuv, V8's) share two arenas instead of up to
 *   8 per core, each keeping its own free memory.
 */
export const COMPILED_NODE_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_MMAP_THRESHOLD_: '65536',
  MALLOC_TRIM_THRESHOLD_: '65536'
}
