/**
 * Hearth's tracker: a `bittorrent-tracker` server with no listeners of its own, mounted on
 * a caller's HTTP server at `/announce` — WebSocket upgrades for browsers (which also
 * relay WebRTC offers and answers), plain HTTP GETs for classic clients. The seed node
 * embeds it; `tracker/cli.ts` runs it alone. It knows nothing of media or watch state.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { Server } from 'bittorrent-tracker'
import type { WebSocket } from 'ws'

export type TrackerLog = (level: 'info' | 'warn', event: string, fields: Record<string, string | number>) => void

export interface TrackerOptions {
  /** How often clients are told to re-announce. Default 120 s; bounds 10 s – 1 h. */
  announceIntervalMs?: number
  /** Largest WebSocket message accepted. Default 64 KiB (as aquatic_ws); bounds 4 KiB – 1 MiB. */
  maxMessageBytes?: number
  log?: TrackerLog
}

export interface TrackerStats {
  torrents: number
  peers: number
  webSocketConnections: number
}

export interface HearthTracker {
  /** Serves a WebSocket upgrade request aimed at `/announce`. */
  handleUpgrade (req: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Serves an HTTP announce or scrape (`GET /announce?...`, `GET /scrape?...`). */
  handleHttp (req: IncomingMessage, res: ServerResponse): void
  stats (): TrackerStats
  close (): Promise<void>
}

const DEFAULT_ANNOUNCE_INTERVAL_MS = 120 * 1000
const DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024

function bounded (name: string, value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback
  if (!Number.isFinite(value) || value < min || value > max) throw new RangeError(`tracker option ${name} must be between ${min} and ${max}, got ${value}`)
  return value
}

export function createTracker (options: TrackerOptions = {}): HearthTracker {
  const log: TrackerLog = options.log ?? (() => {})
  const server = new Server({
    interval: bounded('announceIntervalMs', options.announceIntervalMs, DEFAULT_ANNOUNCE_INTERVAL_MS, 10 * 1000, 60 * 60 * 1000),
    http: false,
    udp: false,
    stats: false,
    ws: { noServer: true, maxPayload: bounded('maxMessageBytes', options.maxMessageBytes, DEFAULT_MAX_MESSAGE_BYTES, 4 * 1024, 1024 * 1024) }
  })
  const wss = server.ws
  if (!wss) throw new Error('bittorrent-tracker did not create its WebSocket server')
  const sockets = new Set<WebSocket>()
  server.on('warning', (err: Error) => log('warn', 'tracker.warning', { error: err.message }))
  server.on('error', (err: Error) => log('warn', 'tracker.error', { error: err.message }))

  return {
    handleUpgrade (req, socket, head) {
      wss.handleUpgrade(req, socket, head, ws => {
        sockets.add(ws)
        ws.once('close', () => { sockets.delete(ws) })
        wss.emit('connection', ws, req)
      })
    },
    handleHttp (req, res) {
      const pathname = new URL(req.url ?? '/', 'http://tracker.invalid').pathname
      server.onHttpRequest(req, res, { action: pathname === '/scrape' ? 'scrape' : 'announce' })
    },
    stats () {
      const swarms = Object.values(server.torrents)
      return {
        torrents: swarms.length,
        peers: swarms.reduce((sum, swarm) => sum + swarm.peers.length, 0),
        webSocketConnections: sockets.size
      }
    },
    async close () {
      // Upgraded sockets outlive the HTTP server's own close: end them here.
      for (const ws of sockets) ws.terminate()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}
