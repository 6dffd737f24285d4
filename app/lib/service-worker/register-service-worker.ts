/**
 * Registers `/sw.js` (workbox precache + WebTorrent's stream handler) through workbox-window,
 * once per page, and answers "is this page controlled by an active worker yet?".
 *
 * WebTorrent's `createServer` throws unless the registration's active worker is activating or
 * activated, and its `/webtorrent/...` stream URLs only reach the worker from a *controlled*
 * page. On a first visit the worker calls `clients.claim()` when it activates, and the page
 * sees `controllerchange`; after a hard reload the page is uncontrolled although the worker
 * is active, so we ask the worker to claim us (see `public/sw-claim.js`).
 */
import { Workbox } from 'workbox-window'
import { hasSecureContext } from '../secure-context/secure-context.ts'

const SERVICE_WORKER_URL = '/sw.js'
/** How long to wait for the worker to install, activate and take control of this page. */
const CONTROL_TIMEOUT_MS = 20 * 1000

export class ServiceWorkerUnavailableError extends Error {
  readonly code = 'HEARTH_E_NO_SERVICE_WORKER'
}

let registering: Promise<ServiceWorkerRegistration> | null = null

/** Starts registration (idempotent). Call early so the app shell is cached on the first visit. */
export function registerServiceWorker (): Promise<ServiceWorkerRegistration> {
  registering ??= register()
  return registering
}

/** Resolves with the registration once its worker is active and controls this page. */
export async function whenServiceWorkerControls (): Promise<ServiceWorkerRegistration> {
  await registerServiceWorker()
  const container = navigator.serviceWorker
  const ready = await withTimeout(container.ready, 'the service worker did not activate')
  if (!container.controller) {
    const controlled = new Promise<void>(resolve => {
      container.addEventListener('controllerchange', () => resolve(), { once: true })
    })
    ready.active?.postMessage({ type: 'HEARTH_CLAIM' })
    await withTimeout(controlled, 'the service worker did not take control of this page')
  }
  return ready
}

async function register (): Promise<ServiceWorkerRegistration> {
  if (!hasSecureContext()) throw new ServiceWorkerUnavailableError('service workers need a secure (HTTPS) page, and this page is not one')
  if (!('serviceWorker' in navigator)) {
    throw new ServiceWorkerUnavailableError('this browser has no service workers (private mode, or not served over HTTPS/localhost)')
  }
  const registration = await new Workbox(SERVICE_WORKER_URL, { scope: '/' }).register()
  if (!registration) throw new ServiceWorkerUnavailableError('service worker registration failed')
  return registration
}

function withTimeout<T> (promise: Promise<T>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ServiceWorkerUnavailableError(`${what} within ${CONTROL_TIMEOUT_MS / 1000} s`)), CONTROL_TIMEOUT_MS)
    promise.then(
      value => { clearTimeout(timer); resolve(value) },
      (err: unknown) => { clearTimeout(timer); reject(err instanceof Error ? err : new Error(String(err))) }
    )
  })
}
