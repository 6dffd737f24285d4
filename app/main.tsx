/** Entry point: styles, diagnostics hook, service worker (for offline shell), then the UI. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app.tsx'
import { exposeDiagnostics } from './diagnostics/expose-diagnostics.ts'
import { registerServiceWorker } from './service-worker/register-service-worker.ts'
import './styles/base.css'
import './library/library.css'
import './player/player.css'

exposeDiagnostics()
if (import.meta.env.PROD) {
  registerServiceWorker().catch((err: unknown) => console.warn('[hearth] service worker not registered; offline use and playback need it', err))
}

const root = document.getElementById('root')
if (!root) throw new Error('HEARTH_E_NO_ROOT: index.html has no #root element')
createRoot(root).render(<StrictMode><App /></StrictMode>)
