/**
 * A cap on the seed node's live WebRTC peer connections, in the one place every one of them
 * is made: the native constructor of @roamhq/wrtc.
 *
 * Why there: each RTCPeerConnection holds about ten descriptors and three threads, and when
 * the process runs out of descriptors the native library does not throw, it exits
 * (`evsignal_init: socketpair: Too many open files`, libevent's fatal error). Peers are made
 * deep inside WebTorrent (bittorrent-tracker answers every relayed offer with a new
 * simple-peer, which imports the constructor by name), so no option of ours reaches them;
 * the wrapper in @roamhq/wrtc looks the native constructor up on its binding object at each
 * construction, and that object is ours to wrap.
 *
 * When the cap is reached, the oldest connection that has not connected (an offer that
 * never completed: what a flood leaves behind) and is older than MIN_EVICT_AGE_MS is closed
 * for the newcomer; if there is none, the newcomer is refused: the constructor throws, which
 * simple-peer turns into a peer 'error' (ERR_PC_CONSTRUCTOR) and bittorrent-tracker into a
 * warning. The cap is per process, like descriptors: the last `capPeerConnections` sets it.
 * Nothing here loads WebRTC: the wrapping happens when webrtc-runtime.ts first loads it.
 */
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

function admit (cap: CapState): boolean {
  if (cap.live.size < cap.max) return true
  const now = Date.now()
  if (evictOldestUnconnected(cap, now)) return true
  cap.refused += 1
  if (now - cap.lastLogAt >= LOG_INTERVAL_MS) {
    cap.lastLogAt = now
    cap.log.warn('webrtc.peer_refused', { live: cap.live.size, max: cap.max, refused: cap.refused, evicted: cap.evicted })
  }
  return false
}

function wrapNative (binding: Binding, wrapper: Wrapper, cap: CapState): void {
  const Native = binding.RTCPeerConnection
  binding.RTCPeerConnection = function CappedPeerConnection (config: unknown): NativePeerConnection {
    if (!admit(cap)) throw new Error(`too many WebRTC peer connections (${cap.max}); refused`)
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
export function capPeerConnections (max: number, log: Logger): () => PeerConnectionStats {
  state ??= { max, log, live: new Map(), refused: 0, evicted: 0, lastLogAt: 0 }
  state.max = max
  state.log = log
  return peerConnectionStats
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
  state ??= { max: DEFAULT_MAX_PEER_CONNECTIONS, log, live: new Map(), refused: 0, evicted: 0, lastLogAt: 0 }
  wrapNative(binding as Binding, wrapper as Wrapper, state)
}
