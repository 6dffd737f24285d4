/**
 * WebRTC in the seed node, loaded when the first WebRTC peer appears, not at start.
 *
 * @roamhq/wrtc (~9 MiB and three native threads) is what every WebRTC peer connection is
 * made with. WebTorrent imports it at start through `webrtc-polyfill`, whose constructors
 * are lazy stand-ins (vendor/webrtc-polyfill): the first `new RTCPeerConnection` calls the
 * loader installed here, which loads the module, wraps its native constructor with the
 * peer cap (peer-connection-cap.ts), logs `webrtc.loaded` and counts it for `/api/status`.
 * The first peer comes when the tracker relays a browser's offer to the seed node, or when
 * the seed node makes offers itself (the sync swarm, only while a browser is in it).
 *
 * Where it cannot load (webrtc-platform.ts: musl, armv7, old glibc, or `HEARTH_WEBRTC=off`)
 * the reason is logged once at start (`webrtc.unavailable`), the seed node announces to
 * trackers over HTTP only (so no offer is relayed to it), and browsers fetch from the web
 * seed and from each other.
 */
import { createRequire } from 'node:module'
import type { WebRTCStats } from '../../protocol/api/status.ts'
import type { Logger } from '../lib/log.ts'
import { peerConnectionStats, wrapLoadedWebRTC } from './peer-connection-cap.ts'
import { binaryLoadError, webrtcModeFrom, webrtcPlatformProblem } from './webrtc-platform.ts'

/** Where vendor/webrtc-polyfill looks for a host's loader. */
const POLYFILL_LOADER = Symbol.for('webrtc-polyfill.loader')

interface RuntimeState {
  log: Logger
  state: WebRTCStats['state']
  reason: string | null
  loadedAtMs: number | null
}

let runtime: RuntimeState | null = null

function load (current: RuntimeState): unknown {
  if (current.reason !== null) throw new Error(`WebRTC is off: ${current.reason}`)
  const require = createRequire(import.meta.url)
  let binding: unknown
  try {
    binding = require('@roamhq/wrtc/lib/binding.js')
  } catch (err) {
    current.state = 'unavailable'
    current.reason = `@roamhq/wrtc did not load: ${binaryLoadError() ?? (err instanceof Error ? err.message : String(err))}`
    current.log.warn('webrtc.unavailable', { reason: current.reason, serving: 'web seed and TCP/uTP only' })
    throw new Error(`WebRTC is off: ${current.reason}`, { cause: err })
  }
  const wrtc = require('@roamhq/wrtc') as { RTCPeerConnection: unknown }
  wrapLoadedWebRTC(binding, wrtc.RTCPeerConnection, current.log)
  current.state = 'loaded'
  current.loadedAtMs = Date.now()
  current.log.info('webrtc.loaded', { reason: 'first WebRTC peer' })
  return wrtc
}

function alreadyLoaded (): boolean {
  const require = createRequire(import.meta.url)
  try {
    return require.cache[require.resolve('@roamhq/wrtc/lib/binding.js')] !== undefined
  } catch {
    return false
  }
}

/**
 * Installs the loader (once per process; a later call only changes the logger) and decides
 * whether WebRTC can be used here. Returns whether it may be: false means web-seed mode.
 */
export function installWebRTCRuntime (log: Logger, env: NodeJS.ProcessEnv = process.env): boolean {
  if (runtime !== null) {
    runtime.log = log
    return runtime.state !== 'unavailable'
  }
  const reason = webrtcPlatformProblem(webrtcModeFrom(env))
  const current: RuntimeState = { log, state: reason === null ? 'not-loaded' : 'unavailable', reason, loadedAtMs: null }
  runtime = current
  Object.defineProperty(globalThis, POLYFILL_LOADER, { value: () => load(current), configurable: true })
  if (reason !== null) {
    log.warn('webrtc.unavailable', { reason, serving: 'web seed and TCP/uTP only' })
    return false
  }
  // An older, eager webrtc-polyfill (or a test) loaded it already: cap and count it now.
  if (alreadyLoaded()) load(current)
  return true
}

/** Whether WebRTC may still be used (not known to be unavailable). */
export function webrtcUsable (): boolean {
  return runtime?.state !== 'unavailable'
}

/** The `webrtc` part of `/api/status`. */
export function webrtcStats (): WebRTCStats {
  return {
    state: runtime?.state ?? 'not-loaded',
    loaded: runtime?.state === 'loaded',
    reason: runtime?.reason ?? null,
    peerConnections: peerConnectionStats()
  }
}
