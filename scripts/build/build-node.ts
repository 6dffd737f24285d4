/**
 * Builds the Node side ahead of time with esbuild, into `dist-node/`: the seed node, the
 * pairing CLI, the tracker alone and the hashing thread, each one ES module that plain
 * `node` runs, so no TypeScript loader sits in the running process or its threads (tsx
 * costs ~30 MiB in the process and ~45 MiB in every worker thread that registers it).
 *
 * Why `dist-node/` and not `dist/`: `dist/` is the PWA, served to every visitor without a
 * credential, and `vite build` empties it. Why flat (`dist-node/seed-node.js`): the sources
 * find the repo from their own folder one level down (`seed-node/config.ts` looks for
 * `../sample-library` and `../dist`), and one level down they stay.
 *
 * Native and optional packages stay outside the bundle and are loaded from node_modules at
 * run time: their binaries are found relative to their own package folders.
 * `webrtc-polyfill` is bundled from `vendor/` (its lazy loader is what keeps @roamhq/wrtc out
 * of memory until the first WebRTC peer).
 */
import { build, type BuildOptions } from 'esbuild'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const NODE_BUILD_DIR = path.join(REPO_ROOT, 'dist-node')

/** Output name (without .js) → source, relative to the repo. */
const ENTRY_POINTS: Record<string, string> = {
  'seed-node': 'seed-node/cli.ts',
  pair: 'seed-node/pair-cli.ts',
  tracker: 'tracker/cli.ts',
  'hash-worker': 'seed-node/library/hash-worker.ts'
}

/** Packages with native binaries (or optional ones that may be missing): loaded from node_modules. */
const EXTERNAL_PACKAGES = ['@roamhq/wrtc', 'utp-native', 'bufferutil', 'utf-8-validate', 'fs-native-extensions']

/**
 * A bundled CommonJS package calls `require()`; an ES module bundle has none unless it is
 * made, and `__dirname`/`__filename` likewise.
 */
const CJS_SHIMS = [
  "import { createRequire as __hearthCreateRequire } from 'node:module';",
  "import { fileURLToPath as __hearthFileURLToPath } from 'node:url';",
  'const require = __hearthCreateRequire(import.meta.url);',
  'const __filename = __hearthFileURLToPath(import.meta.url);',
  "const __dirname = __hearthFileURLToPath(new URL('.', import.meta.url));"
].join('\n')

export const NODE_BUILD_OPTIONS: BuildOptions = {
  absWorkingDir: REPO_ROOT,
  entryPoints: Object.fromEntries(Object.entries(ENTRY_POINTS).map(([out, source]) => [out, path.join(REPO_ROOT, source)])),
  outdir: NODE_BUILD_DIR,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Code that only some starts need (HTTPS certificates, ACME, subtitle code pages, tags,
  // NFO parsing, QR codes) sits in chunks loaded by `import()` when first used: a restart
  // on loopback neither reads nor compiles them. Flat beside the entries (see above).
  splitting: true,
  chunkNames: 'chunk-[hash]',
  // Whitespace and comments out, names kept (readable stack traces; the source map has the
  // rest). Why it matters: V8 keeps each script's source in memory, and one non-Latin-1
  // character in a comment (a typographic apostrophe) doubles it to two bytes a character:
  // the unminified bundle cost 11 MiB of heap as a string, the minified one under 3 MiB.
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: false,
  keepNames: true,
  charset: 'ascii',
  sourcemap: 'linked',
  legalComments: 'none',
  external: EXTERNAL_PACKAGES,
  alias: { 'webrtc-polyfill': path.join(REPO_ROOT, 'vendor/webrtc-polyfill/index.js') },
  banner: { js: CJS_SHIMS },
  logLevel: 'warning'
}

export async function buildNode (): Promise<void> {
  await rm(NODE_BUILD_DIR, { recursive: true, force: true })
  await build(NODE_BUILD_OPTIONS)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildNode()
  process.stdout.write(`built the seed node, pairing CLI, tracker and hash worker into ${path.relative(process.cwd(), NODE_BUILD_DIR) || '.'}/\n`)
}
