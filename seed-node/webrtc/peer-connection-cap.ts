/**
 * A cap on the seed node's live WebRTC peer connections, in the one place every one of them
 * is made: the native constructor of @roamhq/wrtc.
 *
 * Why there: each RTCPeerConnection holds 30 to 60 descriptors and a few threads
 * (lib/fd-headroom.ts), and when the process runs out of descriptors the native library
 * does not throw, it exits
 * (`evsignal_init: socketpair: Too many open files`, libevent's fatal error). Peers are made
 * deep inside WebTorrent (bittorrent-tracker answers every relayed offer with a new
 * simple-peer, which imports the constructor by name), so no option of ours reaches them;
 * the wrapper in @roamhq/wrtc looks the native constructor up on its binding object at each
 * construction, and that object is ours to wrap.
 *
 * The cap is a count, and a ceiling on the process's open descriptors: a peer's cost
 * depends on the host's network interfaces, so the count alone (sized for one dual-stack
 * interface) can be too many on a router with several. When either is reached, the oldest connection that has not connected (an offer that
 * never completed: what a flood leaves behind) and is older than MIN_EVICT_AGE_MS is closed
 * for the newcomer; if there is none, the newcomer is refused: the constructor throws, which
 * simple-peer turns into a peer 'error' (ERR_PC_CONSTRUCTOR) and bittorrent-tracker into a
 * warning. The cap is per process, like descriptors: the last `capPeerConnections` sets it.
 * Nothing here loads WebRTC: the wrapping happens when webrtc-runtime.ts first loads it.
 */
import { FDS_PER_PEER_CONNECTION, openFdCountSync } from '../lib/fd-headroom.ts'
import type { Logger } from '../lib/log.ts'

/** A negotiation younger than this is left alone (an answer on a LAN takes well under it). */
const MIN_EVICT_AGE_MS = 3 * 1000
const LOG_INTERVAL_MS = 10 * 1000
/** The cap before the seeder sets one from the descriptor limit. */
const DEFAULT_MAX_PEER_CONNECTIONS = 100

interface NativePeerConnection {
  readonly connectionState?: string
  close (): void
  /** Set by the @roamhq/wrtc wrapper: forwards the event to the wrapper (and simple-peer). */
  oniceconnectionstatechange?: (() => void) | null
}
type NativeConstructor = new (config: unknown) => NativePeerConnection
interface Binding { RTCPeerConnection: NativeConstructor }
interface Wrapper { prototype: { close: (this: { _pc?: NativePeerConnection }) => void } }

export interface PeerConnectionStats {
  live: number
  max: number
  refused: number
  evicted: number
}

interface CapState {
  max: number
  /** No peer is made while it would take the open descriptors past this; null: no ceiling. */
  fdCeiling: number | null
  log: Logger
  /** Live native connections and when each was made, oldest first. */
  live: Map<NativePeerConnection, number>
  refused: number
  evicted: number
  lastLogAt: number
}

let state: CapState | null = null

function evictOldestUnconnected (cap: CapState, now: number): boolean {
  for (const [pc, createdAt] of cap.live) {
    if (now - createdAt < MIN_EVICT_AGE_MS) return false // the rest are younger still
    if (pc.connectionState === 'connected') continue
    cap.live.delete(pc)
    pc.close()
    // Tells the wrapper, hence simple-peer, that the connection is closed: it destroys the peer.
    pc.oniceconnectionstatechange?.()
    cap.evicted += 1
    return true
  }
  return false
}

/** What stops a new peer now: the count, the descriptor ceiling, or nothing. */
function fullBy (cap: CapState): { by: 'count' | 'descriptors', openFds: number | null } | null {
  if (cap.live.size >= cap.max) return { by: 'count', openFds: null }
  if (cap.fdCeiling === null) return null
  const openFds = openFdCountSync()
  return openFds !== null && openFds + FDS_PER_PEER_CONNECTION > cap.fdCeiling ? { by: 'descriptors', openFds } : null
}

/** Null when the newcomer may be made, else why not (the constructor throws it). */
function refusal (cap: CapState): string | null {
  const full = fullBy(cap)
  if (full === null) return null
  const now = Date.now()
  // A native close frees the peer's descriptors at once (measured), so the newcomer fits.
  if (evictOldestUnconnected(cap, now)) return null
  cap.refused += 1
  if (now - cap.lastLogAt >= LOG_INTERVAL_MS) {
    cap.lastLogAt = now
    cap.log.warn('webrtc.peer_refused', { by: full.by, live: cap.live.size, max: cap.max, openFds: full.openFds, fdCeiling: cap.fdCeiling, refused: cap.refused, evicted: cap.evicted })
  }
  return full.by === 'count'
    ? `too many WebRTC peer connections (${cap.max}); refused`
    : `too few file descriptors left for a WebRTC peer connection (${full.openFds ?? '?'} open, ceiling ${cap.fdCeiling ?? '?'}); refused`
}

function wrapNative (binding: Binding, wrapper: Wrapper, cap: CapState): void {
  const Native = binding.RTCPeerConnection
  binding.RTCPeerConnection = function CappedPeerConnection (config: unknown): NativePeerConnection {
    const refused = refusal(cap)
    if (refused !== null) throw new Error(refused)
    const pc = new Native(config)
    cap.live.set(pc, Date.now())
    return pc
  } as unknown as NativeConstructor
  const close = wrapper.prototype.close
  wrapper.prototype.close = function (this: { _pc?: NativePeerConnection }) {
    if (this._pc) cap.live.delete(this._pc)
    close.call(this)
  }
}

/** Sets the cap (once per process, or changes it); returns its counters. Applies once WebRTC loads (`wrapLoadedWebRTC`). */
export function capPeerConnections (max: number, fdCeiling: number | null, log: Logger): () => PeerConnectionStats {
  state ??= newState(max, fdCeiling, log)
  state.max = max
  state.fdCeiling = fdCeiling
  state.log = log
  return peerConnectionStats
}

function newState (max: number, fdCeiling: number | null, log: Logger): CapState {
  return { max, fdCeiling, log, live: new Map(), refused: 0, evicted: 0, lastLogAt: 0 }
}

/** The cap's counters (zero until WebRTC is loaded and a peer is made). */
export function peerConnectionStats (): PeerConnectionStats {
  return { live: state?.live.size ?? 0, max: state?.max ?? DEFAULT_MAX_PEER_CONNECTIONS, refused: state?.refused ?? 0, evicted: state?.evicted ?? 0 }
}

/**
 * Wraps the native constructor of a freshly loaded @roamhq/wrtc (webrtc-runtime.ts calls it
 * once, right after the load): `binding` is `@roamhq/wrtc/lib/binding.js`, `wrapper` the
 * module's `RTCPeerConnection`.
 */
export function wrapLoadedWebRTC (binding: unknown, wrapper: unknown, log: Logger): void {
  state ??= newState(DEFAULT_MAX_PEER_CONNECTIONS, null, log)
  wrapNative(binding as Binding, wrapper as Wrapper, state)
}
