// Typings for the server side of bittorrent-tracker that Hearth uses (the package ships none).
declare module 'bittorrent-tracker' {
  import type { EventEmitter } from 'node:events'
  import type { IncomingMessage, ServerResponse } from 'node:http'
  import type { WebSocketServer, WebSocket } from 'ws'

  export interface ServerOptions {
    interval?: number
    trustProxy?: boolean
    http?: boolean
    udp?: boolean
    ws?: boolean | { noServer?: boolean, maxPayload?: number }
    stats?: boolean
    filter?: (infoHash: string, params: unknown, cb: (err: Error | null) => void) => void
  }

  export interface Swarm { peers: { length: number, keys: string[] }, complete: number, incomplete: number }

  export class Server extends EventEmitter {
    constructor (opts?: ServerOptions)
    ws: WebSocketServer | null
    torrents: Record<string, Swarm>
    onHttpRequest (req: IncomingMessage, res: ServerResponse, opts?: { action?: 'announce' | 'scrape', trustProxy?: boolean }): void
    onWebSocketConnection (socket: WebSocket, opts?: { trustProxy?: boolean }): void
    close (cb?: () => void): void
  }
  export default Server
}
