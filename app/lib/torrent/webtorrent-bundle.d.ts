/**
 * Types for the parts of WebTorrent 3's browser bundle (`webtorrent/dist/webtorrent.min.js`,
 * an ESM file with a default export) that Hearth uses. The package ships no types; this is
 * deliberately narrow, so using anything new means adding it here first.
 */
declare module 'webtorrent/dist/webtorrent.min.js' {
  export interface WebTorrentWire {
    /** `'webrtc'`, `'webSeed'`, `'tcpIncoming'`, `'tcpOutgoing'`, `'utpIncoming'`, `'utpOutgoing'`. */
    readonly type: string
    /** Bytes received / sent on this wire. */
    readonly downloaded: number
    readonly uploaded: number
    readonly remoteAddress: string | undefined
    readonly destroyed: boolean
    /** The wire's speed meter (bytes/s over 5 s): called with a byte count it records them; it always returns the speed. WebTorrent sizes request pipelines from it. */
    downloadSpeed: (delta?: number) => number
    /** Adds a BEP 10 extension (bittorrent-protocol): constructs it with this wire, stores it as `wire[name]`. */
    use: (Extension: new (wire: never) => { readonly name: string }) => void
    once: ((event: 'close', listener: () => void) => WebTorrentWire) &
      ((event: 'download', listener: (bytes: number) => void) => WebTorrentWire)
    [extensionName: string]: unknown
  }

  export interface WebTorrentFile {
    readonly name: string
    readonly path: string
    readonly length: number
    /** Where the file starts in the torrent's bytes. */
    readonly offset: number
    readonly progress: number
    /** `/webtorrent/<infohash>/<path>`, served by the service worker; needs `client.createServer`. */
    readonly streamURL: string
    streamTo: <E extends HTMLMediaElement>(element: E) => E
    select: (priority?: number) => void
    deselect: () => void
  }

  export interface WebTorrentBitfield {
    get: (index: number) => boolean
  }

  export type TorrentEvent = 'metadata' | 'ready' | 'done' | 'wire' | 'download' | 'upload' | 'noPeers' | 'seed'

  export interface WebTorrentTorrent {
    readonly infoHash: string
    readonly name: string | undefined
    readonly ready: boolean
    readonly destroyed: boolean
    readonly files: readonly WebTorrentFile[]
    readonly progress: number
    readonly downloaded: number
    readonly uploaded: number
    readonly downloadSpeed: number
    readonly uploadSpeed: number
    readonly numPeers: number
    readonly pieceLength: number
    readonly length: number
    /** One entry per piece once metadata is known (entries become `null` once verified). */
    readonly pieces: readonly unknown[]
    /** Present once metadata is known. */
    readonly bitfield: WebTorrentBitfield | undefined
    readonly wires: readonly WebTorrentWire[]
    on: ((event: TorrentEvent, listener: () => void) => WebTorrentTorrent) &
      ((event: 'wire', listener: (wire: WebTorrentWire) => void) => WebTorrentTorrent) &
      ((event: 'verified', listener: (index: number) => void) => WebTorrentTorrent) &
      ((event: 'error' | 'warning', listener: (err: Error | string) => void) => WebTorrentTorrent)
    destroy: (onDestroyed?: (err: Error | null) => void) => void
    /** Asks for pieces `start`..`end` (inclusive); a higher priority is fetched first. Dropped once all are verified. */
    select: (start: number, end: number, priority?: number) => void
    /** Drops a selection made with `select(start, end)` (the same bounds). */
    deselect: (start: number, end: number) => void
    /** Marks pieces `start`..`end` (inclusive) critical: a faster wire may take them over from a slower one (a stream marks the piece it waits on). */
    critical: (start: number, end: number) => void
    removeListener: ((event: TorrentEvent, listener: () => void) => WebTorrentTorrent) &
      ((event: 'verified', listener: (index: number) => void) => WebTorrentTorrent) &
      ((event: 'error' | 'warning', listener: (err: Error | string) => void) => WebTorrentTorrent)
  }

  export interface SeedOptions {
    name?: string
    pieceLength?: number
    private?: boolean
    createdBy?: string
    creationDate?: number
    announceList?: string[][]
    /** Trackers to announce to (added at run time, not part of the infohash). */
    announce?: string[]
  }

  export interface AddTorrentOptions {
    /** Start with no piece selected: only what a stream asks for is fetched. */
    deselect?: boolean
    /** Trackers added to the magnet's own (WebTorrent adds no public ones by itself). */
    announce?: string[]
    /** Pieces already held, one bit each; only those are checked against the store. */
    bitfield?: Uint8Array
    /** Web seeds (BEP 19) added to the torrent's own, e.g. those of a magnet when adding its .torrent. */
    urlList?: string[]
    /** Parallel requests per web seed (default 4); the speed-based pipeline is capped by it. */
    maxWebConns?: number
  }

  export interface WebTorrentOptions {
    tracker?: { rtcConfig?: RTCConfiguration }
    dht?: boolean
    lsd?: boolean
    webSeeds?: boolean
  }

  export interface WebTorrentClient {
    readonly torrents: readonly WebTorrentTorrent[]
    readonly destroyed: boolean
    /** `torrentId`: a magnet, or a .torrent's bytes (then the metadata is known at once). */
    add: (torrentId: string | Uint8Array, opts?: AddTorrentOptions, onTorrent?: (torrent: WebTorrentTorrent) => void) => WebTorrentTorrent
    get: (torrentId: string) => Promise<WebTorrentTorrent | null>
    /** `onSeed` gets the torrent already in the client when the same content is seeded twice. */
    seed: (input: Uint8Array | File, opts: SeedOptions, onSeed?: (torrent: WebTorrentTorrent) => void) => WebTorrentTorrent
    createServer: (opts: { controller: ServiceWorkerRegistration }) => unknown
    on: (event: 'error' | 'warning', listener: (err: Error | string) => void) => WebTorrentClient
    destroy: (onDestroyed?: (err: Error | null) => void) => void
  }

  const WebTorrent: new (opts?: WebTorrentOptions) => WebTorrentClient
  export default WebTorrent
}
