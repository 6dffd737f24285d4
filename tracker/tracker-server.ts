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
import { Server, type FilterParams } from 'bittorrent-tracker'
import type { WebSocket } from 'ws'
import { admits, type Principal } from './access-control.ts'
import { queryInfoHashesHex } from './announce-path.ts'
import { BanList } from './ban-list.ts'
import { refuseHttp, rejectUpgrade } from './http-refusal.ts'
import { announceFilter, installLibraryHooks, startSwarmSweep } from './library-hooks.ts'
import { OfferRegistry } from './offer-registry.ts'
import { passGate } from './request-gate.ts'
import { resolveTrackerOptions, type TrackerOptions } from './tracker-options.ts'
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
  /**
   * The tracker's fail2ban list, for a host that guards its other endpoints with the same
   * credential (the seed node's API and web seed): one failure count and one ban per address.
   */
  readonly bans: Pick<BanList, 'check' | 'recordFailure'>
  close (): Promise<void>
}

export function createTracker (trackerOptions: TrackerOptions = {}): HearthTracker {
  const options = resolveTrackerOptions(trackerOptions)
  const { log } = options
  const counters = new TrackerCounters()
  const bans = new BanList(options.ban, log, options.clock)
  const offers = new OfferRegistry(options.offerTtlMs, options.maxPendingOffers)
  /** The principal each admitted HTTP request or WebSocket acts as, for `filter`. */
  const principals = new WeakMap<object, Principal>()
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
  installLibraryHooks(server, {
    offers,
    onInternalError: err => {
      counters.drop('internalError')
      log('warn', 'tracker.internal_error', { error: err instanceof Error ? err.message : String(err) })
    }
  })
  const stopSwarmSweep = startSwarmSweep(server)
  const wss = server.ws
  if (!wss) throw new Error('bittorrent-tracker did not create its WebSocket server')
  wss.removeAllListeners('connection') // we start sessions ourselves (websocket-session.ts)
  const sockets = new Set<WebSocket>()
  const connectionsByAddress = new Map<string, number>()
  server.on('warning', () => {}) // a client's bad request: already answered with a failure reason
  server.on('error', (err: Error) => log('warn', 'tracker.error', { error: err.message }))

  function track (ws: WebSocket, address: string): void {
    sockets.add(ws)
    connectionsByAddress.set(address, (connectionsByAddress.get(address) ?? 0) + 1)
    ws.once('close', () => {
      sockets.delete(ws)
      const left = (connectionsByAddress.get(address) ?? 1) - 1
      if (left > 0) connectionsByAddress.set(address, left)
      else connectionsByAddress.delete(address)
    })
  }

  function acceptUpgrade (req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const gate = passGate(req, { authenticate: options.authenticate, bans, counters })
    if (!gate.admitted) return rejectUpgrade(socket, gate.status, gate.reason)
    if (gate.endpoint !== 'announce') {
      counters.refuse('badPath')
      return rejectUpgrade(socket, 404, 'WebSocket tracker is at /announce')
    }
    wss!.handleUpgrade(req, socket, head, ws => {
      ws.on('error', () => {}) // counted by the session; never an unhandled 'error'
      const tooManyFromAddress = (connectionsByAddress.get(gate.address) ?? 0) >= options.maxConnectionsPerAddress
      const tooMany = sockets.size >= options.maxConnections
      track(ws, gate.address)
      if (tooManyFromAddress || tooMany) {
        counters.refuse(tooManyFromAddress ? 'tooManyFromAddress' : 'tooManyConnections')
        closeWith(ws, tooManyFromAddress ? 'tooManyFromAddress' : 'tooManyConnections')
        return
      }
      principals.set(ws, gate.principal)
      startSession(ws, req, gate.principal, { server, options, offers, counters })
    })
  }

  function serveHttp (req: IncomingMessage, res: ServerResponse): void {
    const gate = passGate(req, { authenticate: options.authenticate, bans, counters })
    if (!gate.admitted) return refuseHttp(res, gate.status, gate.reason)
    if (gate.endpoint === 'scrape' && !admits(gate.principal, queryInfoHashesHex(req.url))) {
      counters.refuse('shareScope')
      return refuseHttp(res, 403, 'this credential does not admit that scrape')
    }
    principals.set(req, gate.principal)
    server.onHttpRequest(req, res, { action: gate.endpoint })
  }

  function internalError (err: unknown): void {
    counters.drop('internalError')
    log('warn', 'tracker.internal_error', { error: err instanceof Error ? err.message : String(err) })
  }

  return {
    bans,
    handleUpgrade (req, socket, head) {
      try {
        acceptUpgrade(req, socket, head)
      } catch (err) {
        internalError(err)
        socket.destroy()
      }
    },
    handleHttp (req, res) {
      try {
        serveHttp(req, res)
      } catch (err) {
        internalError(err)
        if (!res.headersSent) refuseHttp(res, 500, 'internal tracker error')
        else res.destroy()
      }
    },
    stats () {
      const swarms = Object.values(server.torrents)
      return {
        torrents: swarms.length,
        peers: swarms.reduce((sum, swarm) => sum + swarm.peers.length, 0),
        webSocketConnections: sockets.size,
        connectedAddresses: connectionsByAddress.size,
        refused: { ...counters.refused },
        dropped: { ...counters.dropped },
        bans: { active: bans.activeBans, total: bans.totalBans, trackedAddresses: bans.trackedAddresses },
        pendingOffers: offers.size
      }
    },
    async close () {
      stopSwarmSweep()
      bans.close()
      offers.clear()
      // Upgraded sockets outlive the HTTP server's own close: end them here.
      for (const ws of sockets) ws.terminate()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}
