/**
 * The few places Hearth reaches into bittorrent-tracker's Server (server.js, 11.x):
 *  - every swarm's `announce` is wrapped so the offers it relays are recorded (who sent which
 *    offer_id to whom) and so an exception in the library's callbacks — e.g. a message shape
 *    it does not expect — is caught and counted instead of crashing the process;
 *  - `getSwarm` answers at once (the library defers to the next tick) and its callbacks
 *    (announces, the answer relay, scrapes) are guarded the same way;
 *  - empty swarms are forgotten; `filter` refuses announces a principal may not make.
 */
import type { FilterParams, Server, Swarm, SwarmAnnounceParams, SwarmPeer } from 'bittorrent-tracker'
import { admits, type Principal } from './access-control.ts'
import type { OfferRegistry } from './offer-registry.ts'

export interface LibraryHookDeps {
  offers: OfferRegistry
  onInternalError: (err: unknown) => void
}

type Callback<T> = (err: Error | null, value?: T) => void

function guarded<T> (cb: Callback<T>, onInternalError: (err: unknown) => void): Callback<T> {
  return (err, value) => {
    try {
      cb(err, value)
    } catch (thrown) {
      onInternalError(thrown)
    }
  }
}

function recordRelayedOffers (deps: LibraryHookDeps, infoHash: string, params: SwarmAnnounceParams, peers: SwarmPeer[] | undefined): void {
  if (!Array.isArray(params.offers) || !Array.isArray(peers) || typeof params.peer_id !== 'string') return
  peers.forEach((peer, i) => {
    const offer = params.offers?.[i]
    if (offer && typeof offer.offer_id === 'string' && typeof peer.peerId === 'string') {
      deps.offers.record({ infoHash, fromPeerId: params.peer_id as string, toPeerId: peer.peerId, offerId: offer.offer_id })
    }
  })
}

function wrapSwarm (server: Server, swarm: Swarm, deps: LibraryHookDeps): void {
  const announce = swarm.announce.bind(swarm)
  swarm.announce = (params, cb) => {
    const after = () => {
      // bittorrent-tracker never forgets a swarm; an empty one is only memory.
      if (swarm.peers.length === 0 && server.torrents[swarm.infoHash] === swarm) delete server.torrents[swarm.infoHash]
    }
    if (!cb) {
      announce(params)
      after()
      return
    }
    announce(params, guarded((err, response) => {
      if (!err && response) recordRelayedOffers(deps, swarm.infoHash, params, response.peers)
      cb(err, response)
      after()
    }, deps.onInternalError))
  }
}

export function installLibraryHooks (server: Server, deps: LibraryHookDeps): void {
  const createSwarm = server.createSwarm.bind(server)
  server.createSwarm = (infoHash, cb) => {
    createSwarm(infoHash, guarded<Swarm>((err, swarm) => {
      if (swarm) wrapSwarm(server, swarm, deps)
      cb(err, swarm)
    }, deps.onInternalError))
  }
  // The library answers a lookup on the next tick (process.nextTick per announce); the swarm
  // table is in memory, so it is answered at once here: one tick less per message.
  server.getSwarm = (infoHash, cb) => { guarded(cb, deps.onInternalError)(null, server.torrents[infoHash]) }
}

/**
 * bittorrent-tracker's `filter`, run before every announce: refuses an infohash the caller's
 * principal does not admit (a share token announcing another item), and a new swarm past
 * `maxSwarms`. `principalOf` finds the principal from the request (HTTP) or socket (WebSocket).
 */
/** Longest an announce waits for the host's `beforeAnnounce` hook. */
export const BEFORE_ANNOUNCE_TIMEOUT_MS = 5 * 1000

export function announceFilter (
  server: Server,
  maxSwarms: number,
  principalOf: (params: FilterParams) => Principal | undefined,
  onRefused: (reason: 'shareScope' | 'swarmLimit') => void,
  beforeAnnounce: (infoHash: string, peerId: string | null) => Promise<void> | void = () => {}
) {
  return (infoHash: string, params: FilterParams, cb: (err: Error | null) => void): void => {
    const principal = principalOf(params)
    if (!principal || (principal.kind !== 'household' && !admits(principal, [infoHash]))) {
      onRefused('shareScope')
      cb(new Error(`this credential does not admit info_hash ${infoHash}`))
      return
    }
    if (server.torrents[infoHash] === undefined && Object.keys(server.torrents).length >= maxSwarms) {
      onRefused('swarmLimit')
      cb(new Error(`tracker is full (${maxSwarms} swarms); try again later`))
      return
    }
    const peerId = typeof params.peer_id === 'string' ? params.peer_id : null
    let pending: Promise<void> | void
    try {
      pending = beforeAnnounce(infoHash, peerId)
    } catch {
      pending = undefined // the hook's failure is the host's: the announce goes on
    }
    // Most announces need no waiting (the item is awake): served in this tick, no timer.
    if (!isThenable(pending)) return cb(null)
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<void>(resolve => { timer = setTimeout(resolve, BEFORE_ANNOUNCE_TIMEOUT_MS) })
    Promise.race([pending, timeout])
      .catch(() => {})
      .finally(() => {
        clearTimeout(timer)
        cb(null)
      })
  }
}

function isThenable (value: unknown): value is Promise<void> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'
}

/** How often stale peers are expired and empty swarms forgotten. */
export const SWARM_SWEEP_INTERVAL_MS = 60 * 1000

/**
 * bittorrent-tracker expires a silent peer (20 min) only when it is next looked at, so a swarm
 * of departed HTTP peers would hold a `maxSwarms` slot forever. This looks at every peer
 * (`peek` expires; it does not reorder) and forgets swarms left empty. Returns a stop function.
 */
export function startSwarmSweep (server: Server, intervalMs = SWARM_SWEEP_INTERVAL_MS): () => void {
  const timer = setInterval(() => {
    for (const [infoHash, swarm] of Object.entries(server.torrents)) {
      for (const key of [...swarm.peers.keys]) swarm.peers.peek(key)
      if (swarm.peers.length === 0) delete server.torrents[infoHash]
    }
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
