/**
 * The seed node's one WebTorrent client, seeding library items over WebRTC (through
 * @roamhq/wrtc, see vendor/webrtc-polyfill) and TCP/uTP, straight from the library files
 * through a read-only store. DHT, local discovery, PEX and UPnP/NAT-PMP are off: the
 * library is private to the household and nothing should reach beyond its tracker.
 */
import os from 'node:os'
import WebTorrent, { type Torrent, type Wire } from 'webtorrent'
import { LibraryChunkStore } from './library-chunk-store.ts'
import type { LibraryItem } from './library-item.ts'
import type { Logger } from './log.ts'

export interface TorrentSeederOptions {
  /** Tracker announce URLs the seed node itself uses. */
  announce: string[]
  /** TCP/uTP port for classic BitTorrent peers; 0 picks a free one. */
  peerPort: number
  /** Upload cap in bytes per second for all peers together; 0 = none. */
  uploadLimitBytesPerSec: number
  log: Logger
}

export interface SeedBytesOptions {
  /** Options for create-torrent (name, piece length, private...). */
  createOptions: Record<string, unknown>
  /** Folder for WebTorrent's copy of the bytes (in the state folder, never the library). */
  storeDir: string
}

export interface SeederStats {
  torrents: number
  peers: number
  webrtcPeers: number
  uploadedBytes: number
  uploadSpeedBytesPerSec: number
}

export class TorrentSeeder {
  private readonly client: WebTorrent
  private readonly torrents = new Map<string, Torrent>()
  /** Torrents that are not library items (the sync torrent). */
  private readonly extraTorrents = new Set<Torrent>()

  constructor (private readonly options: TorrentSeederOptions) {
    this.client = new WebTorrent({
      dht: false,
      lsd: false,
      utPex: false,
      natUpnp: false,
      natPmp: false,
      webSeeds: false,
      torrentPort: options.peerPort,
      uploadLimit: options.uploadLimitBytesPerSec > 0 ? options.uploadLimitBytesPerSec : -1,
      // No STUN: household devices reach the seed node directly (LAN, VPN or loopback).
      tracker: { rtcConfig: { iceServers: [] } }
    })
    this.client.on('error', err => options.log.error('seeder.client_error', { error: String(err) }))
  }

  /** Port classic BitTorrent peers connect to, once listening. */
  get peerPort (): number {
    return this.client.address()?.port ?? this.client.torrentPort
  }

  async seed (item: LibraryItem, torrentFile: Uint8Array): Promise<void> {
    const infoHash = item.stored.infoHash
    if (this.torrents.has(infoHash)) return
    const torrent = await new Promise<Torrent>((resolve, reject) => {
      const added = this.client.add(torrentFile, {
        announce: this.options.announce,
        path: os.tmpdir(), // unused: the store below reads the library files where they are
        store: LibraryChunkStore,
        storeOpts: { libraryFiles: item.diskPaths },
        skipVerify: true // the fingerprint cache vouches for the bytes
      }, ready => resolve(ready))
      added.once('error', reject)
    })
    torrent.on('error', err => this.options.log.warn('seeder.torrent_error', { infoHash, error: String(err) }))
    torrent.on('wire', wire => this.options.log.debug('seeder.wire', { infoHash, type: wire.type, remote: wire.remoteAddress }))
    this.torrents.set(infoHash, torrent)
  }

  /**
   * Seeds bytes held in memory (the watch-state sync torrent) under `storeDir`, and calls
   * `onWire` for each new wire before its extended handshake, so extensions can be used.
   */
  async seedBytes (content: Uint8Array, options: SeedBytesOptions, onWire: (wire: Wire) => void): Promise<Torrent> {
    const torrent = this.client.seed(content, { ...options.createOptions, announce: this.options.announce, path: options.storeDir })
    torrent.on('wire', onWire)
    await new Promise<void>((resolve, reject) => {
      torrent.once('seed', () => resolve())
      torrent.once('error', reject)
    })
    this.extraTorrents.add(torrent)
    return torrent
  }

  /**
   * Starts downloading a torrent (for the download queue) into `downloadsDir`, announcing
   * to `trackers` only (those of the magnet or .torrent). Existing partial data there is
   * re-verified piece by piece by WebTorrent before the download continues.
   */
  addDownload (torrentId: string | Uint8Array, downloadsDir: string, trackers: string[]): Torrent {
    return this.client.add(torrentId, { path: downloadsDir, announce: trackers })
  }

  /** Stops a download's torrent, keeping whatever is on disk. */
  async removeDownload (torrent: Torrent): Promise<void> {
    if (torrent.destroyed) return
    await new Promise<void>(resolve => torrent.destroy({ destroyStore: false }, () => resolve()))
  }

  async unseed (infoHash: string): Promise<void> {
    const torrent = this.torrents.get(infoHash)
    if (!torrent) return
    this.torrents.delete(infoHash)
    await new Promise<void>(resolve => torrent.destroy({ destroyStore: false }, () => resolve()))
  }

  isSeeding (infoHash: string): boolean {
    return this.torrents.has(infoHash)
  }

  stats (): SeederStats {
    let peers = 0
    let webrtcPeers = 0
    let uploadedBytes = 0
    let uploadSpeedBytesPerSec = 0
    for (const torrent of this.torrents.values()) {
      peers += torrent.numPeers
      webrtcPeers += torrent.wires.filter(wire => wire.type === 'webrtc').length
      uploadedBytes += torrent.uploaded
      uploadSpeedBytesPerSec += torrent.uploadSpeed
    }
    return { torrents: this.torrents.size, peers, webrtcPeers, uploadedBytes, uploadSpeedBytesPerSec }
  }

  async close (): Promise<void> {
    await new Promise<void>(resolve => this.client.destroy(() => resolve()))
    this.torrents.clear()
  }
}
