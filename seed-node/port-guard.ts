/**
 * Limits at the seed node's one port, before any handler runs, so that no stranger can use
 * up its descriptors (slowloris: thousands of half-sent requests) and no page can reach it
 * under a foreign name:
 * - connections in all (sized to the descriptor limit, lib/fd-headroom.ts) and per address;
 * - half-open connections (accepted, no complete request yet) per address and in all: past
 *   the total, the oldest half-open one of the address holding the most is dropped for the
 *   newcomer, so a flood cycles its own connections while a real client, which holds one
 *   and sends its request at once, gets through even when it is slow to send it;
 * - header, request and keep-alive timeouts checked every second, so a half-sent request
 *   costs the sender a connection held open for HEADERS_TIMEOUT_MS, and us one descriptor;
 * - EMFILE on accept is logged and the port goes on (an 'error' with no listener would
 *   end the process);
 * - every response carries the security headers, and a foreign Host gets 421.
 * Refusals are counted and logged at most once per LOG_INTERVAL_MS.
 */
import type http from 'node:http'
import type net from 'node:net'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { errorBody } from '../protocol/api/api-error.ts'
import { isAllowedHost, type AllowedHostsProvider } from './http/host-allow-list.ts'
import { applySecurityHeaders, securityHeaderLines } from './http/security-headers.ts'
import type { Logger } from './lib/log.ts'
import { peerAddress } from './lib/peer-address.ts'

/** A request's headers must be complete this soon after its connection opens (or the previous request ends). */
export const HEADERS_TIMEOUT_MS = 10 * 1000
/** A whole request, body included (a `.torrent` upload), must arrive this soon. */
export const REQUEST_TIMEOUT_MS = 60 * 1000
/** An idle keep-alive connection is closed after this. */
export const KEEP_ALIVE_TIMEOUT_MS = 5 * 1000
/** A connection with no byte moving either way is closed after this (slow readers). */
export const SOCKET_IDLE_TIMEOUT_MS = 120 * 1000
/** How often Node checks the header and request timeouts (its default, 30 s, lets slowloris pile up). */
const TIMEOUT_CHECK_INTERVAL_MS = 1000
const LOG_INTERVAL_MS = 10 * 1000

/** Options for `http.createServer` that set the timeouts above. */
export const PORT_SERVER_OPTIONS: http.ServerOptions = {
  headersTimeout: HEADERS_TIMEOUT_MS,
  requestTimeout: REQUEST_TIMEOUT_MS,
  keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
  connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS
}

export interface PortGuardOptions {
  /** Connections in all (HTTP and upgraded WebSockets). */
  maxConnections: number
  /** Connections from one address. Default 256 (a household behind one NAT, many tabs). */
  maxConnectionsPerAddress?: number
  /** Half-open connections from one address. Default 32. */
  maxHalfOpenPerAddress?: number
  /** The Host names this node answers (http/host-allow-list.ts). */
  allowedHosts: AllowedHostsProvider
  log: Logger
}

type RefusalCause = 'total' | 'perAddress' | 'halfOpenPerAddress' | 'halfOpenEvicted' | 'foreignHost' | 'acceptFailed'

function bump (map: Map<string, number>, key: string, by: number): void {
  const next = (map.get(key) ?? 0) + by
  if (next > 0) map.set(key, next)
  else map.delete(key)
}

export class PortGuard {
  /** Open connections and their address. */
  private readonly sockets = new Map<Socket, string>()
  private readonly byAddress = new Map<string, number>()
  /** Half-open connections, oldest first, with their address. */
  private readonly halfOpen = new Map<Socket, string>()
  private readonly halfOpenByAddress = new Map<string, number>()
  readonly refused: Record<RefusalCause, number> = { total: 0, perAddress: 0, halfOpenPerAddress: 0, halfOpenEvicted: 0, foreignHost: 0, acceptFailed: 0 }
  private lastLogAt = 0
  private readonly perAddress: number
  private readonly halfOpenPerAddress: number

  constructor (private readonly options: PortGuardOptions) {
    this.perAddress = options.maxConnectionsPerAddress ?? 256
    this.halfOpenPerAddress = options.maxHalfOpenPerAddress ?? 32
  }

  /** Half-open connections in all before the oldest is dropped for a newcomer. */
  private get maxHalfOpen (): number {
    return Math.max(1, Math.floor(this.options.maxConnections / 2))
  }

  get connections (): number { return this.sockets.size }

  /** Counts and limits the connections `server` accepts (the TCP server under HTTP and HTTPS). */
  attach (server: net.Server): void {
    server.on('connection', (socket: Socket) => { this.admitConnection(socket) })
    server.on('error', (err: Error & { code?: string }) => {
      // EMFILE/ENFILE on accept, and the like: refuse (the kernel drops it), log, go on.
      this.refuse('acceptFailed', 'unknown', err.code ?? err.message)
    })
  }

  /** Sets the security headers; answers 421 for a foreign Host. False when answered here. */
  admitRequest (req: IncomingMessage, res: ServerResponse): boolean {
    this.settle(req.socket)
    applySecurityHeaders(res)
    if (isAllowedHost(req.headers.host, this.options.allowedHosts)) return true
    this.refuse('foreignHost', peerAddress(req.socket), req.headers.host ?? '')
    const body = JSON.stringify(errorBody('HEARTH_E_MISDIRECTED', 'this server does not answer for that host name; open it by its own address'))
    res.writeHead(421, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), connection: 'close' }).end(body)
    return false
  }

  /** Answers 421 to an upgrade with a foreign Host. False when answered here. */
  admitUpgrade (req: IncomingMessage, socket: Duplex): boolean {
    this.settle(req.socket)
    if (isAllowedHost(req.headers.host, this.options.allowedHosts)) return true
    this.refuse('foreignHost', peerAddress(req.socket), req.headers.host ?? '')
    socket.end(`HTTP/1.1 421 Misdirected Request\r\n${securityHeaderLines()}Connection: close\r\nContent-Length: 0\r\n\r\n`)
    return false
  }

  private admitConnection (socket: Socket): void {
    const address = peerAddress(socket)
    socket.on('error', () => {}) // a reset peer is no reason to crash; Node closes the socket
    if ((this.byAddress.get(address) ?? 0) >= this.perAddress) return this.drop(socket, 'perAddress', address)
    if ((this.halfOpenByAddress.get(address) ?? 0) >= this.halfOpenPerAddress) return this.drop(socket, 'halfOpenPerAddress', address)
    if (this.halfOpen.size >= this.maxHalfOpen || this.sockets.size >= this.options.maxConnections) this.evictOldestHalfOpen()
    if (this.sockets.size >= this.options.maxConnections) return this.drop(socket, 'total', address)
    this.sockets.set(socket, address)
    bump(this.byAddress, address, 1)
    this.halfOpen.set(socket, address)
    bump(this.halfOpenByAddress, address, 1)
    socket.once('close', () => { this.forget(socket) })
  }

  /** Takes a connection out of every count (at its close, or at once when we drop it). */
  private forget (socket: Socket): void {
    const address = this.sockets.get(socket)
    if (address === undefined) return
    this.sockets.delete(socket)
    bump(this.byAddress, address, -1)
    this.settle(socket)
  }

  /** The connection sent a whole request (or closed): it is half-open no more. */
  private settle (connection: Socket): void {
    // An HTTPS request's socket is the TLS socket wrapping the TCP one the guard counted;
    // Node keeps that one as `_parent` (not public API, but stable since Node 0.x).
    const socket = (connection as Socket & { _parent?: unknown })._parent instanceof Object
      ? (connection as Socket & { _parent: Socket })._parent
      : connection
    const address = this.halfOpen.get(socket)
    if (address === undefined) return
    this.halfOpen.delete(socket)
    bump(this.halfOpenByAddress, address, -1)
  }

  /** Drops the oldest half-open connection of the address that holds the most of them. */
  private evictOldestHalfOpen (): void {
    let heaviest: string | undefined
    let most = 0
    for (const [address, count] of this.halfOpenByAddress) {
      if (count > most) { heaviest = address; most = count }
    }
    if (heaviest === undefined) return
    for (const [socket, address] of this.halfOpen) {
      if (address !== heaviest) continue
      this.forget(socket)
      socket.destroy()
      this.refuse('halfOpenEvicted', address, '')
      return
    }
  }

  private drop (socket: Socket, cause: RefusalCause, address: string): void {
    socket.destroy()
    this.refuse(cause, address, '')
  }

  private refuse (cause: RefusalCause, address: string, detail: string): void {
    this.refused[cause] += 1
    const now = Date.now()
    if (now - this.lastLogAt < LOG_INTERVAL_MS) return
    this.lastLogAt = now
    this.options.log.warn('port.refused', { cause, address, detail: detail.slice(0, 100), connections: this.sockets.size, halfOpen: this.halfOpen.size, ...this.refused })
  }
}
