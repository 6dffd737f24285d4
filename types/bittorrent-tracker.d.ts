// Typings for the server side of bittorrent-tracker that Hearth uses (the package ships none).
// Written against bittorrent-tracker 11.x server.js and lib/server/*.js.
declare module 'bittorrent-tracker' {
  import type { EventEmitter } from 'node:events'
  import type { IncomingMessage, ServerResponse } from 'node:http'
  import type { WebSocketServer, WebSocket } from 'ws'

  /** What `filter` receives: the parsed announce, with the HTTP request or the WebSocket it came on. */
  export interface FilterParams {
    type?: 'http' | 'ws' | 'udp'
    httpReq?: IncomingMessage
    socket?: WebSocket
    [key: string]: unknown
  }

  export interface ServerOptions {
    interval?: number
    trustProxy?: boolean
    http?: boolean
    udp?: boolean
    ws?: boolean | { noServer?: boolean, maxPayload?: number }
    stats?: boolean
    /** Called before every announce; an error refuses it (its message becomes the `failure reason`). */
    filter?: (infoHash: string, params: FilterParams, cb: (err: Error | null) => void) => void
  }

  /** A peer as a swarm stores it (peer ids are hex). */
  export interface SwarmPeer { type: 'http' | 'ws' | 'udp', complete: boolean, peerId: string, ip?: string, port?: number, socket?: WebSocket | null }

  /** The parsed announce a swarm receives (after lib/server/parse-*.js). */
  export interface SwarmAnnounceParams {
    type?: string
    event?: string
    peer_id?: string
    offers?: Array<{ offer?: unknown, offer_id?: unknown }>
    [key: string]: unknown
  }

  export interface SwarmAnnounceResponse { complete: number, incomplete: number, peers?: SwarmPeer[] }

  export interface Swarm {
    infoHash: string
    /** An LRU (the `lru` package): `peek` expires an old entry without reordering. */
    peers: { length: number, keys: string[], get (key: string): SwarmPeer | undefined, peek (key: string): SwarmPeer | undefined }
    complete: number
    incomplete: number
    announce (params: SwarmAnnounceParams, cb?: (err: Error | null, response?: SwarmAnnounceResponse) => void): void
  }

  export class Server extends EventEmitter {
    constructor (opts?: ServerOptions)
    ws: WebSocketServer | null
    torrents: Record<string, Swarm>
    destroyed: boolean
    onHttpRequest (req: IncomingMessage, res: ServerResponse, opts?: { action?: 'announce' | 'scrape', trustProxy?: boolean }): void
    /** Sets up a socket: its peer/infohash bookkeeping and 'message', 'error' and 'close' listeners. */
    onWebSocketConnection (socket: WebSocket, opts?: { trustProxy?: boolean }): void
    /** Serves one WebSocket message (`raw` is its JSON text). Internal to the library, used by Hearth to serve messages it has checked. */
    _onWebSocketRequest (socket: WebSocket, opts: { trustProxy?: boolean }, raw: string): void
    /** Serves parsed params (after lib/server/parse-*.js): announce (action 1) or scrape (2). Internal, used by Hearth to serve messages it parsed once. */
    _onRequest (params: Record<string, unknown>, cb: (err: Error | null, response?: SwarmAnnounceResponse & Record<string, unknown>) => void): void
    /** The announce interval, in milliseconds. */
    intervalMs: number
    createSwarm (infoHash: string, cb: (err: Error | null, swarm?: Swarm) => void): void
    getSwarm (infoHash: string, cb: (err: Error | null, swarm?: Swarm) => void): void
    close (cb?: () => void): void
  }
  export default Server
}
