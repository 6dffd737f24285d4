// Typings for the Node side of webtorrent that the seed node uses (the package ships none).
// Only what Hearth calls is declared; widen here when a new call is needed.
declare module 'webtorrent' {
  import type { EventEmitter } from 'node:events'

  export interface Wire extends EventEmitter {
    destroyed: boolean
    extended (ext: string, payload: Uint8Array): void
    use (extension: unknown): void
    type: 'webrtc' | 'tcpIncoming' | 'tcpOutgoing' | 'utpIncoming' | 'utpOutgoing' | 'webSeed'
    remoteAddress?: string
    downloaded: number
    uploaded: number
    peerId?: string
    destroy (): void
  }

  export interface TorrentFile {
    name: string
    path: string
    length: number
    offset: number
  }

  export interface Torrent extends EventEmitter {
    infoHash: string
    name: string
    magnetURI: string
    numPeers: number
    wires: Wire[]
    files: TorrentFile[]
    length: number
    pieceLength: number
    downloaded: number
    uploaded: number
    uploadSpeed: number
    downloadSpeed: number
    progress: number
    done: boolean
    ready: boolean
    destroyed: boolean
    destroy (opts?: { destroyStore?: boolean }, cb?: (err: Error | null) => void): void
    /** The raw info dictionary, once the metadata is known. */
    info?: unknown
    /** The .torrent file, once the metadata is known. */
    torrentFile?: Uint8Array
    pieces: unknown[]
  }

  export interface AddOptions {
    announce?: string[]
    path?: string
    store?: unknown
    storeOpts?: Record<string, unknown>
    storeCacheSlots?: number
    skipVerify?: boolean
    deselect?: boolean
    private?: boolean
    urlList?: string[]
    maxWebConns?: number
    /** Extra parameters for every tracker announce of this torrent (e.g. `numwant`). */
    getAnnounceOpts?: () => Record<string, unknown>
  }

  export interface ClientOptions {
    dht?: boolean
    lsd?: boolean
    utPex?: boolean
    natUpnp?: boolean
    natPmp?: boolean
    webSeeds?: boolean
    utp?: boolean
    torrentPort?: number
    maxConns?: number
    /** Bytes per second; -1 = unlimited. */
    uploadLimit?: number
    downloadLimit?: number
    tracker?: { rtcConfig?: { iceServers?: unknown[] } } | boolean
  }

  export default class WebTorrent extends EventEmitter {
    constructor (opts?: ClientOptions)
    static VERSION: string
    torrents: Torrent[]
    torrentPort: number
    ready: boolean
    add (torrentId: string | Uint8Array, opts?: AddOptions, onTorrent?: (torrent: Torrent) => void): Torrent
    seed (input: string | string[] | Uint8Array, opts?: AddOptions & Record<string, unknown>, onSeed?: (torrent: Torrent) => void): Torrent
    get (torrentId: string): Promise<Torrent | null>
    remove (torrentId: string | Torrent, opts?: { destroyStore?: boolean }, cb?: (err: Error | null) => void): Promise<void>
    address (): { address: string, family: string, port: number } | null
    destroy (cb?: (err: Error | null) => void): void
  }
}
