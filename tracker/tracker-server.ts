/**
 * Hearth's tracker: a `bittorrent-tracker` server with no listeners of its own, mounted on
 * a caller's HTTP server at `/announce` and `/announce/<token>` — WebSocket upgrades for
 * browsers (which also relay WebRTC offers and answers), plain HTTP GETs for classic
 * clients — and `/scrape[/<token>]`. The seed node embeds it; `tracker/cli.ts` runs it
 * alone. It knows nothing of media, keys or watch state: access is the `authenticate`
 * hook's to decide (access-control.ts); abuse limits are in the files this one assembles.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { Server, type FilterParams, type Swarm } from 'bittorrent-tracker'
import type { WebSocketServer } from 'ws'
import { admits, type Principal } from './access-control.ts'
import { queryInfoHashesHex } from './announce-path.ts'
import { BanList } from './ban-list.ts'
import { ConnectionRegistry } from './connection-registry.ts'
import { refuseHttp, rejectUpgrade } from './http-refusal.ts'
import { announceFilter, installLibraryHooks, startSwarmSweep } from './library-hooks.ts'
import { OfferRegistry } from './offer-registry.ts'
import { passGate } from './request-gate.ts'
import { resolveTrackerOptions, type ResolvedTrackerOptions, type TrackerOptions } from './tracker-options.ts'
import { TrackerCounters, type TrackerStats } from './tracker-stats.ts'
import { closeWith, startSession } from './websocket-session.ts'

export type { Principal } from './access-control.ts'
export { remoteAddress } from './request-gate.ts'
export type { BanOptions, TrackerLog, TrackerOptions } from './tracker-options.ts'
export type { TrackerStats } from './tracker-stats.ts'

export interface HearthTracker {
  /** Serves a WebSocket upgrade request aimed at `/announce` or `/announce/<token>`. */
  handleUpgrade (req: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Serves an HTTP announce or scrape (`GET /announce[/<token>]?...`, `GET /scrape[/<token>]?...`). */
  handleHttp (req: IncomingMessage, res: ServerResponse): void
  stats (): TrackerStats
  /** WebSocket (WebRTC) peers in a swarm other than `exceptPeerIdHex`: who would take an offer. */
  webRtcPeers (infoHash: string, exceptPeerIdHex: string): number
  /**
   * The tracker's fail2ban list, for a host that guards its other endpoints with the same
   * credential (the seed node's API and web seed): one failure count and one ban per address.
   */
  readonly bans: Pick<BanList, 'check' | 'recordFailure'>
  close (): Promise<void>
}

/** What the request handlers below share for the life of one tracker. */
interface TrackerParts {
  options: ResolvedTrackerOptions
  server: Server
  wss: WebSocketServer
  counters: TrackerCounters
  bans: BanList
  offers: OfferRegistry
  connections: ConnectionRegistry
  /** Share-token guests' connections alone, for their smaller per-address cap. */
  shareConnections: ConnectionRegistry
  /** The principal each admitted HTTP request or WebSocket acts as, for the announce filter. */
  principals: WeakMap<object, Principal>
}

/** The bittorrent-tracker server with our filter, hooks and swarm sweep, and no listeners of its own. */
function createLibraryServer (
  options: ResolvedTrackerOptions,
  counters: TrackerCounters,
  offers: OfferRegistry,
  principals: WeakMap<object, Principal>
): { server: Server, wss: WebSocketServer, stopSwarmSweep: () => void } {
  const principalOf = (params: FilterParams): Principal | undefined => {
    const holder = params.socket ?? params.httpReq
    return holder ? principals.get(holder) : undefined
  }
  const server: Server = new Server({
    interval: options.announceIntervalMs,
    http: false,
    udp: false,
    stats: false,
    ws: { noServer: true, maxPayload: options.maxMessageBytes },
    filter: (infoHash, params, cb) => filter(infoHash, params, cb)
  })
  const filter = announceFilter(server, options.maxSwarms, principalOf, reason => counters.refuse(reason), options.beforeAnnounce)
  installLibraryHooks(server, { offers, onInternalError: err => internalError(counters, options, err) })
  const stopSwarmSweep = startSwarmSweep(server)
  const wss = server.ws
  if (!wss) throw new Error('bittorrent-tracker did not create its WebSocket server')
  wss.removeAllListeners('connection') // we start sessions ourselves (websocket-session.ts)
  server.on('warning', () => {}) // a client's bad request: already answered with a failure reason
  server.on('error', (err: Error) => options.log('warn', 'tracker.error', { error: err.message }))
  return { server, wss, stopSwarmSweep }
}

function internalError (counters: TrackerCounters, options: ResolvedTrackerOptions, err: unknown): void {
  counters.drop('internalError')
  options.log('warn', 'tracker.internal_error', { error: err instanceof Error ? err.message : String(err) })
}

function acceptUpgrade (parts: TrackerParts, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  const { options, bans, counters, connections } = parts
  const gate = passGate(req, { authenticate: options.authenticate, countsAsGuess: options.countsAsGuess, bans, counters, clientAddress: options.clientAddress })
  if (!gate.admitted) return rejectUpgrade(socket, gate.status, gate.reason)
  if (gate.endpoint !== 'announce') {
    counters.refuse('badPath')
    return rejectUpgrade(socket, 404, 'WebSocket tracker is at /announce')
  }
  parts.wss.handleUpgrade(req, socket, head, ws => {
    ws.on('error', () => {}) // counted by the session; never an unhandled 'error'
    const guest = gate.principal.kind === 'share'
    const tooManyFromAddress = connections.countFrom(gate.address) >= options.maxConnectionsPerAddress ||
      (guest && parts.shareConnections.countFrom(gate.address) >= options.maxShareConnectionsPerAddress)
    const tooMany = connections.size >= options.maxConnections
    connections.track(ws, gate.address)
    if (guest) parts.shareConnections.track(ws, gate.address)
    if (tooManyFromAddress || tooMany) {
      counters.refuse(tooManyFromAddress ? 'tooManyFromAddress' : 'tooManyConnections')
      closeWith(ws, tooManyFromAddress ? 'tooManyFromAddress' : 'tooManyConnections')
      return
    }
    parts.principals.set(ws, gate.principal)
    startSession(ws, req, gate.principal, { server: parts.server, options, offers: parts.offers, counters })
  })
}

function serveHttp (parts: TrackerParts, req: IncomingMessage, res: ServerResponse): void {
  const { options, bans, counters } = parts
  const gate = passGate(req, { authenticate: options.authenticate, countsAsGuess: options.countsAsGuess, bans, counters, clientAddress: options.clientAddress })
  if (!gate.admitted) return refuseHttp(res, gate.status, gate.reason)
  if (gate.endpoint === 'scrape' && !admits(gate.principal, queryInfoHashesHex(req.url))) {
    counters.refuse('shareScope')
    return refuseHttp(res, 403, 'this credential does not admit that scrape')
  }
  parts.principals.set(req, gate.principal)
  parts.server.onHttpRequest(req, res, { action: gate.endpoint })
}

function trackerStats ({ server, connections, counters, bans, offers }: TrackerParts): TrackerStats {
  const swarms = Object.values(server.torrents)
  return {
    torrents: swarms.length,
    peers: swarms.reduce((sum, swarm) => sum + swarm.peers.length, 0),
    webSocketConnections: connections.size,
    connectedAddresses: connections.addressCount,
    refused: { ...counters.refused },
    dropped: { ...counters.dropped },
    bans: { active: bans.activeBans, total: bans.totalBans, trackedAddresses: bans.trackedAddresses },
    pendingOffers: offers.size
  }
}

function webRtcPeersIn (swarm: Swarm | undefined, exceptPeerIdHex: string): number {
  if (!swarm) return 0
  let count = 0
  for (const key of swarm.peers.keys) {
    const peer = swarm.peers.peek(key)
    if (peer?.type === 'ws' && peer.peerId !== exceptPeerIdHex) count++
  }
  return count
}

export function createTracker (trackerOptions: TrackerOptions = {}): HearthTracker {
  const options = resolveTrackerOptions(trackerOptions)
  const counters = new TrackerCounters()
  const offers = new OfferRegistry(options.offerTtlMs, options.maxPendingOffers)
  const principals = new WeakMap<object, Principal>()
  const { server, wss, stopSwarmSweep } = createLibraryServer(options, counters, offers, principals)
  const bans = new BanList(options.ban, options.log, options.clock)
  const parts: TrackerParts = { options, server, wss, counters, bans, offers, connections: new ConnectionRegistry(), shareConnections: new ConnectionRegistry(), principals }

  return {
    bans,
    handleUpgrade (req, socket, head) {
      try {
        acceptUpgrade(parts, req, socket, head)
      } catch (err) {
        internalError(counters, options, err)
        socket.destroy()
      }
    },
    handleHttp (req, res) {
      try {
        serveHttp(parts, req, res)
      } catch (err) {
        internalError(counters, options, err)
        if (!res.headersSent) refuseHttp(res, 500, 'internal tracker error')
        else res.destroy()
      }
    },
    stats: () => trackerStats(parts),
    webRtcPeers: (infoHash, exceptPeerIdHex) => webRtcPeersIn(server.torrents[infoHash], exceptPeerIdHex),
    async close () {
      stopSwarmSweep()
      bans.close()
      offers.clear()
      // Upgraded sockets outlive the HTTP server's own close: end them here.
      parts.connections.terminateAll()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}
