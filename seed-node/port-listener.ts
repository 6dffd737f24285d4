/**
 * The seed node's one HTTP port, bound before the parts behind it are built.
 *
 * Why bind first: the seed node announces its own torrents to its embedded tracker at
 * `ws://host:<port>/announce/<credential>`, and with `--port 0` the port is known only once
 * bound. So the port is bound first, with nothing behind it, and handlers are attached as
 * the parts come up: 503 "starting" for everything, then the tracker alone (the seed node's
 * own sync torrent announces while the rest is still being built), then the whole app.
 * A start-up failure closes this listener with the rest, so no port stays open.
 *
 * The app is an `http.Server` made by createHttpServer that never listens itself: the
 * listener hands each request and upgrade to it as events (`emit`), which keeps
 * http/http-server.ts unaware of this dance.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { parseTrackerPath } from '../tracker/announce-path.ts'
import type { HearthTracker } from '../tracker/tracker-server.ts'
import { listen } from './http/http-server.ts'
import { PORT_SERVER_OPTIONS, PortGuard, type PortGuardOptions } from './port-guard.ts'

export interface PortHandler {
  request: (req: IncomingMessage, res: ServerResponse) => void
  upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void
}

/** Clients are told to come back after this many seconds while the node starts. */
const STARTING_RETRY_AFTER_SEC = 1

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

export class PortListener {
  private handler: PortHandler = startingHandler
  private readonly server = http.createServer(PORT_SERVER_OPTIONS, (req, res) => { if (this.guard.admitRequest(req, res)) this.handler.request(req, res) })
  private readonly guard: PortGuard

  private constructor (guard: PortGuardOptions, private boundPort = 0) {
    this.guard = new PortGuard(guard)
    this.guard.attach(this.server)
    this.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => { if (this.guard.admitUpgrade(req, socket)) this.handler.upgrade(req, socket, head) })
    this.server.on('clientError', (_err, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    })
  }

  /** Binds host:port (HEARTH_E_PORT_IN_USE names a taken port); answers 503 until `serve`. Limits: port-guard.ts. */
  static async open (host: string, port: number, guard: PortGuardOptions): Promise<PortListener> {
    const listener = new PortListener(guard)
    listener.boundPort = await listen(listener.server, host, port)
    return listener
  }

  /** The port bound (the one asked for, or the one the system chose for 0). */
  get port (): number {
    return this.boundPort
  }

  /** Hands every request from now on to `handler`. */
  serve (handler: PortHandler): void {
    this.handler = handler
  }

  /** Stops listening and drops open connections (upgraded ones belong to the tracker). */
  async close (): Promise<void> {
    this.handler = startingHandler
    this.server.closeAllConnections()
    await new Promise<void>(resolve => this.server.close(() => resolve()))
  }
}
