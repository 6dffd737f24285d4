/**
 * Entry point. First, zod is told not to generate code (the strict CSP forbids eval). Then one
 * decision: a page that is not a secure context (plain http at a LAN address) gets the page
 * explaining where to go instead, and nothing that needs WebCrypto, a service worker or
 * WebTorrent starts. Otherwise: the pairing link is taken out of the address bar, then styles,
 * the diagnostics hook, the watch-state store, the service worker (offline shell), the UI.
 */
import './lib/strict-csp/zod-without-eval.ts'
import { StrictMode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { App } from './shell/app.tsx'
import { InsecureContextPage } from './shell/insecure-context-page.tsx'
import { exposeDiagnostics } from './lib/diagnostics/expose-diagnostics.ts'
import { capturePairingLink } from './lib/household/pairing-fragment.ts'
import { hasSecureContext } from './lib/secure-context/secure-context.ts'
import { secureAddressFor } from './lib/secure-context/secure-address.ts'
import { registerServiceWorker } from './lib/service-worker/register-service-worker.ts'
import { getWatchStateStore } from './lib/watch-state/open-watch-state.ts'
import { startSyncSwarm } from './lib/watch-state/sync-swarm.ts'
import './styles/base.css'
import './features/library/library.css'
import './features/player/player.css'
import './features/live/live.css'
import './features/player/player-platform.css'
import './components/watch-state/watch-state.css'
import './features/pairing/pairing.css'
import './features/sharing/sharing.css'

const rootElement = document.getElementById('root')
if (!rootElement) throw new Error('HEARTH_E_NO_ROOT: index.html has no #root element')
const root = createRoot(rootElement)

if (hasSecureContext()) startApp(root)
else explainInsecureContext(root)

function startApp (root: Root): void {
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
  root.render(<StrictMode><App pairing={pairing} /></StrictMode>)
}

function explainInsecureContext (root: Root): void {
  // Read before the pairing key leaves the address bar: the secure link carries it along.
  const address = secureAddressFor(window.location)
  const pairing = capturePairingLink().status === 'key'
  console.warn(`[hearth] ${window.location.origin} is not a secure context; showing where to open Hearth instead`)
  root.render(<StrictMode><InsecureContextPage openedAt={window.location.origin} address={address} pairing={pairing} /></StrictMode>)
}
