/**
 * Entry point: a pairing link is taken out of the address bar first; then styles, the
 * diagnostics hook, the watch-state store, the service worker (for the offline shell), the UI.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app.tsx'
import { exposeDiagnostics } from './diagnostics/expose-diagnostics.ts'
import { capturePairingLink } from './pairing/pairing-fragment.ts'
import { registerServiceWorker } from './service-worker/register-service-worker.ts'
import { getWatchStateStore } from './watch-state/open-watch-state.ts'
import { startSyncSwarm } from './watch-state/sync-swarm.ts'
import './styles/base.css'
import './library/library.css'
import './player/player.css'
import './watch-state/watch-state.css'
import './pairing/pairing.css'
import './sharing/sharing.css'

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
