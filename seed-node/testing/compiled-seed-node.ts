/**
 * The compiled seed node as `npm start` runs it: `node <flags> dist-node/seed-node.js`
 * (scripts/build/build-node.ts makes it). The flags are V8's, for a small machine; the same
 * list is in package.json's `start` script and in deploy/ (a unit test keeps them equal).
 *
 * `--max-semi-space-size=1`: V8's young generation grows to 16 MiB per semi-space (x3 with
 * the scavenger's copy) on a 64-bit machine; the seed node's garbage is small and short-lived
 * (announces, HTTP requests), so a 1 MiB semi-space costs a few more scavenges and saves
 * ~30 MiB of resident memory (bench/README.md, "memory").
 */
export const COMPILED_SEED_NODE = 'dist-node/seed-node.js'
export const COMPILED_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1']
