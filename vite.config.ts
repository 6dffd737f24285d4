import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { serviceWorkerPlugin } from './scripts/build/service-worker-plugin.ts'

/** The PWA: sources in `app/`, static assets in `public/`, output in `dist/` (served by the seed node). */
export default defineConfig({
  root: 'app',
  publicDir: '../public',
  plugins: [react(), serviceWorkerPlugin()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false
  }
})
