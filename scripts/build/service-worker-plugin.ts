/**
 * Vite plugin that turns the written bundle into an installable, offline-capable PWA:
 * 1. copies WebTorrent's streaming service worker (`webtorrent/dist/sw.min.js`) to
 *    `dist/webtorrent-sw.js`, and
 * 2. generates `dist/sw.js` with workbox-build, which `importScripts` that file FIRST so
 *    WebTorrent's fetch handler (for `/webtorrent/...` URLs) is registered before workbox's
 *    precache and navigation routes.
 * Runs once, after the bundle is on disk (`closeBundle`), in `vite build` only.
 */
import { copyFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Plugin, ResolvedConfig } from 'vite'
import { generateSW } from 'workbox-build'

/** Scripts the generated worker imports, in order. The claim helper lives in `public/`. */
const IMPORTED_WORKER_SCRIPTS = ['webtorrent-sw.js', 'sw-claim.js']
const WEBTORRENT_WORKER_FILE = 'webtorrent-sw.js'
/**
 * Paths that are never the app shell: the API, the web seed, the tracker, WebTorrent streams.
 * Anchored at the start of the path, so app routes such as `/open?magnet=…` (the protocol
 * handler and share target, whose query may well contain `/announce/…`) get the shell.
 */
export const NAVIGATION_DENYLIST = [/^\/api\//, /^\/webseed\//, /^\/announce/, /^\/webtorrent\//]
/** How long the catalog request waits for the network before the cached copy is used. */
const CATALOG_NETWORK_TIMEOUT_SEC = 4
/** Largest file precached; the lazily loaded WebTorrent chunk (~220 KB) must fit. */
const MAX_PRECACHE_FILE_BYTES = 4 * 1024 * 1024

export function serviceWorkerPlugin (): Plugin {
  let outDir = ''
  return {
    name: 'hearth-service-worker',
    apply: 'build',
    configResolved (config: ResolvedConfig) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    async closeBundle () {
      const require = createRequire(import.meta.url)
      const webtorrentWorker = require.resolve('webtorrent/dist/sw.min.js')
      await copyFile(webtorrentWorker, path.join(outDir, WEBTORRENT_WORKER_FILE))

      const { count, size, warnings } = await generateSW({
        globDirectory: outDir,
        globPatterns: ['**/*.{html,js,css,png,svg,webmanifest,ico}'],
        globIgnores: ['sw.js', ...IMPORTED_WORKER_SCRIPTS, '**/*.map'],
        swDest: path.join(outDir, 'sw.js'),
        importScripts: IMPORTED_WORKER_SCRIPTS,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: NAVIGATION_DENYLIST,
        inlineWorkboxRuntime: true,
        skipWaiting: true,
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        sourcemap: false,
        mode: 'production',
        maximumFileSizeToCacheInBytes: MAX_PRECACHE_FILE_BYTES,
        // The library stays browsable (and watch state editable) with the home server
        // unreachable: the last catalog is kept and served when the network fails.
        runtimeCaching: [{
          urlPattern: ({ url }) => url.pathname === '/api/catalog',
          handler: 'NetworkFirst',
          options: { cacheName: 'hearth-catalog', networkTimeoutSeconds: CATALOG_NETWORK_TIMEOUT_SEC, expiration: { maxEntries: 1 } }
        }]
      })
      for (const warning of warnings) this.warn(`workbox: ${warning}`)
      this.info?.(`sw.js precaches ${count} files, ${(size / 1024).toFixed(1)} KiB`)
    }
  }
}
