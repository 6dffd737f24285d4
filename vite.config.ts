import react from '@vitejs/plugin-react'
import { defaultClientConditions, defineConfig } from 'vite'
import { serviceWorkerPlugin } from './scripts/build/service-worker-plugin.ts'

/** The PWA: sources in `app/`, static assets in `public/`, output in `dist/` (served by the seed node). */
export default defineConfig({
  root: 'app',
  publicDir: '../public',
  plugins: [react(), serviceWorkerPlugin()],
  resolve: {
    // p2p-media-loader-core's own browser bundle (bittorrent-tracker with its Node shims
    // built in): its lib/ build imports Node's `events` & co., which the browser lacks.
    conditions: ['p2pml:core-as-bundle', ...defaultClientConditions]
  },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // zod with the module that turns its code generation off (app/lib/strict-csp), in one
        // chunk of their own: every chunk that defines a schema imports this one, so `jitless`
        // is set before any schema is built. Left to itself the bundler put zod into a shared
        // chunk whose other modules built schemas before main.tsx's first import ran, and zod
        // probed `new Function` under the CSP (a violation report per page load).
        advancedChunks: { groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]strict-csp[\\/]zod-without-eval\.ts$/ }] }
      }
    }
  }
})
