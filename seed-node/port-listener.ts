/**
 * The seed node's one port, bound before the parts behind it are built, speaking HTTPS and
 * plain HTTP at once.
 *
 * Why bind first: the seed node announces its own torrents to its embedded tracker at
 * `ws://host:<port>/announce/<credential>`, and with `--port 0` the port is known only once
 * bound. So the port is bound first, with nothing behind it, and handlers are attached as
 * the parts come up: 503 "starting" for everything, then the tracker alone (the seed node's
 * own sync torrent announces while the rest is still being built), then the whole app.
 * A start-up failure closes this listener with the rest, so no port stays open.
 *
 * One port, two protocols: the first byte of each connection tells them apart (0x16 opens a
 * TLS handshake; a plain request starts with a method's letter), and the connection goes to
 * the HTTPS or the HTTP server, neither of which listens itself. The HTTPS server's
 * certificate comes from a CertificateSource and is swapped when the source changes, so new
 * connections see a renewed certificate without a restart. With TLS on, plain HTTP serves
 * this machine (the seed node's own ws://127.0.0.1 announces, a browser on the machine) and
 * trusted proxies in full, and everyone else only `plainHandler`: a redirect or the
 * onboarding page, so credentials never cross the LAN in clear.
 *
 * The app is an `http.Server` made by createHttpServer that never listens itself: the
 * listener hands each request and upgrade to it as events (`emit`), which keeps
 * http/http-server.ts unaware of this dance.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import https from 'node:https'
import net from 'node:net'
import type { Duplex } from 'node:stream'
import { parseTrackerPath } from '../tracker/announce-path.ts'
import type { HearthTracker } from '../tracker/tracker-server.ts'
import { listen } from './http/http-server.ts'
import { decideTransport } from './http/request-transport.ts'
import type { Logger } from './lib/log.ts'
import type { CertificateSource } from './tls/certificate-source.ts'
import { PORT_SERVER_OPTIONS, PortGuard, SOCKET_IDLE_TIMEOUT_MS, type PortGuardOptions } from './port-guard.ts'

export interface PortHandler {
  request: (req: IncomingMessage, res: ServerResponse) => void
  upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void
}

/** Clients are told to come back after this many seconds while the node starts. */
const STARTING_RETRY_AFTER_SEC = 1
/** The first byte of a TLS connection: a handshake record (RFC 8446 §5.1). */
const TLS_HANDSHAKE_RECORD = 0x16
/** A connection that sends nothing for this long is closed before it is handed on. */
const FIRST_BYTE_TIMEOUT_MS = 30 * 1000

/** Before anything is built: every request is told to come back in a moment. */
export const startingHandler: PortHandler = {
  request: (_req, res) => {
    const body = JSON.stringify({ error: 'HEARTH_E_STARTING', message: 'the seed node is starting; try again in a moment' })
    res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(STARTING_RETRY_AFTER_SEC), 'content-length': Buffer.byteLength(body) }).end(body)
  },
  upgrade: (_req, socket) => {
    socket.end(`HTTP/1.1 503 Service Unavailable\r\nRetry-After: ${STARTING_RETRY_AFTER_SEC}\r\nConnection: close\r\n\r\n`)
  }
}

/** Once the tracker exists: its endpoints are served, the rest is still starting. */
export function trackerOnlyHandler (tracker: HearthTracker): PortHandler {
  return {
    request: (req, res) => {
      if (parseTrackerPath(req.url) !== null) tracker.handleHttp(req, res)
      else startingHandler.request(req, res)
    },
    upgrade: (req, socket, head) => {
      if (parseTrackerPath(req.url)?.endpoint === 'announce') tracker.handleUpgrade(req, socket, head)
      else startingHandler.upgrade(req, socket, head)
    }
  }
}

/** The whole app: an `http.Server` from createHttpServer, fed our requests as events. */
export function appHandler (app: http.Server): PortHandler {
  return {
    request: (req, res) => { app.emit('request', req, res) },
    upgrade: (req, socket, head) => { app.emit('upgrade', req, socket, head) }
  }
}

export interface PortOptions {
  /** Serve HTTPS with this source's certificate (the caller closes it); null for plain HTTP only. */
  tls: CertificateSource | null
  /** Proxies whose X-Forwarded-* are believed, and whose plain HTTP is served in full. */
  trustProxy: readonly string[]
  /** Connection limits, timeouts, security headers and the Host allow-list (port-guard.ts). */
  guard: PortGuardOptions
  log: Logger
}

function refuseBadRequest (_err: Error, socket: Duplex): void {
  if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
}

/**
 * The HTTP servers here never listen (the TCP server hands them connections), yet they need
 * what Node starts on 'listening': connection tracking (closeAllConnections) and the
 * headers/request timeouts that stop a slow client from holding a connection forever.
 */
function startConnectionChecks (server: http.Server | https.Server): void {
  server.emit('listening')
}

export class PortListener {
  private handler: PortHandler = startingHandler
  private plainHandler: PortHandler = startingHandler
  private readonly trusted: ReadonlySet<string>
  private readonly tcp = net.createServer()
  private readonly plain = http.createServer(PORT_SERVER_OPTIONS, (req, res) => { this.request(req, res) })
  private readonly guard: PortGuard
  private readonly secure: https.Server | null = null
  /** Every open connection, dropped on close (the tracker has ended its upgraded ones by then). */
  private readonly sockets = new Set<net.Socket>()
  private readonly unsubscribe: () => void = () => {}

  private constructor (private readonly options: PortOptions, private boundPort = 0) {
    this.trusted = new Set(options.trustProxy)
    // The guard sees every connection first: one it refuses never reaches a server.
    this.guard = new PortGuard(options.guard)
    this.guard.attach(this.tcp)
    this.tcp.on('connection', (socket: net.Socket) => { if (!socket.destroyed) this.accept(socket) })
    this.plain.timeout = SOCKET_IDLE_TIMEOUT_MS
    this.plain.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => { this.upgrade(req, socket, head) })
    this.plain.on('clientError', refuseBadRequest)
    startConnectionChecks(this.plain)
    const source = options.tls
    if (source === null) return
    const { certPem, keyPem } = source.current()
    const secure = https.createServer({ ...PORT_SERVER_OPTIONS, cert: certPem, key: keyPem }, (req, res) => { this.request(req, res) })
    secure.timeout = SOCKET_IDLE_TIMEOUT_MS
    secure.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => { this.upgrade(req, socket, head) })
    secure.on('clientError', refuseBadRequest)
    // A device that does not trust the certificate yet hangs up in the handshake: routine, not an error.
    secure.on('tlsClientError', (err: Error) => options.log.debug('tls.handshake_failed', { error: err.message }))
    startConnectionChecks(secure)
    this.secure = secure
    this.unsubscribe = source.onChange(() => {
      const next = source.current()
      secure.setSecureContext({ cert: next.certPem, key: next.keyPem })
      options.log.info('tls.certificate_in_service', { mode: source.mode, expires: next.expiresAt.toISOString() })
    })
  }

  /** Binds host:port (HEARTH_E_PORT_IN_USE names a taken port); answers 503 until `serve`. */
  static async open (host: string, port: number, options: PortOptions): Promise<PortListener> {
    const listener = new PortListener(options)
    listener.boundPort = await listen(listener.tcp, host, port)
    return listener
  }

  /** The port bound (the one asked for, or the one the system chose for 0). */
  get port (): number {
    return this.boundPort
  }

  /** Whether the port speaks HTTPS. */
  get tls (): boolean {
    return this.secure !== null
  }

  /** Hands every request from now on to `handler`. */
  serve (handler: PortHandler): void {
    this.handler = handler
  }

  /** What plain HTTP from other devices gets from now on while TLS is on (redirect, onboarding). */
  servePlain (handler: PortHandler): void {
    this.plainHandler = handler
  }

  private request (req: IncomingMessage, res: ServerResponse): void {
    if (this.guard.admitRequest(req, res)) this.pick(req).request(req, res)
  }

  private upgrade (req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.guard.admitUpgrade(req, socket)) this.pick(req).upgrade(req, socket, head)
  }

  /** The handler for this request: plain HTTP from another device, with TLS on, gets `plainHandler` alone. */
  private pick (req: IncomingMessage): PortHandler {
    const transport = decideTransport(req, this.trusted)
    const confined = this.secure !== null && !transport.secure && !transport.local && !transport.viaTrustedProxy
    return confined ? this.plainHandler : this.handler
  }

  private accept (socket: net.Socket): void {
    socket.on('error', () => socket.destroy())
    this.sockets.add(socket)
    socket.once('close', () => this.sockets.delete(socket))
    const secure = this.secure
    if (secure === null) {
      this.plain.emit('connection', socket)
      return
    }
    socket.setTimeout(FIRST_BYTE_TIMEOUT_MS, () => socket.destroy())
    socket.once('data', (chunk: Buffer) => {
      socket.setTimeout(0)
      socket.pause()
      // Put the byte back: the server it goes to reads the connection from its start.
      socket.unshift(chunk)
      if (chunk[0] === TLS_HANDSHAKE_RECORD) {
        // TLS reads the socket's handle itself (the byte put back included); resuming the
        // JS stream here would drain what the handshake needs.
        secure.emit('connection', socket)
      } else {
        // The HTTP parser reads the JS stream, paused above: set it flowing again.
        this.plain.emit('connection', socket)
        socket.resume()
      }
    })
  }

  /** Stops listening and drops open connections (the tracker has ended its upgraded ones by then). */
  async close (): Promise<void> {
    this.handler = startingHandler
    this.plainHandler = startingHandler
    this.unsubscribe()
    const closed = new Promise<void>(resolve => this.tcp.close(() => resolve()))
    for (const server of [this.plain, this.secure]) {
      server?.closeAllConnections()
      // Stops the connection checks; "not running" is expected of a server that never listened.
      server?.close(() => {})
    }
    for (const socket of this.sockets) socket.destroy()
    await closed
  }
}
