/**
 * Entry point: a pairing link is taken out of the address bar first; then styles, the
 * diagnostics hook, the watch-state store, the service worker (for the offline shell), the UI.
 */
import './lib/csp/zod-without-eval.ts'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './shell/app.tsx'
import { exposeDiagnostics } from './lib/diagnostics/expose-diagnostics.ts'
import { capturePairingLink } from './lib/household/pairing-fragment.ts'
import { registerServiceWorker } from './lib/service-worker/register-service-worker.ts'
import { getWatchStateStore } from './lib/watch-state/open-watch-state.ts'
import { startSyncSwarm } from './lib/watch-state/sync-swarm.ts'
import './styles/base.css'
import './features/library/library.css'
import './features/player/player.css'
import './components/watch-state/watch-state.css'
import './features/pairing/pairing.css'
import './features/sharing/sharing.css'

const pairing = capturePairingLink()
exposeDiagnostics()
getWatchStateStore().then(
  // After first render: the sync swarm loads WebTorrent, which the first screen must not wait for.
  store => setTimeout(() => startSyncSwarm(store), 0),
  (err: unknown) => console.warn('[hearth] watch state is unavailable; positions will not be remembered', err)
)
if (import.meta.env.PROD) {
  registerServiceWorker().catch((err: unknown) => console.warn('[hearth] service worker not registered; offline use and playback need it', err))
}

const root = document.getElementById('root')
if (!root) throw new Error('HEARTH_E_NO_ROOT: index.html has no #root element')
createRoot(root).render(<StrictMode><App pairing={pairing} /></StrictMode>)
