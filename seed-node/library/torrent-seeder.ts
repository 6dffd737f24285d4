/**
 * The seed node's one WebTorrent client, seeding library items over WebRTC (through
 * @roamhq/wrtc, see vendor/webrtc-polyfill) and TCP/uTP, straight from the library files
 * through a read-only store. DHT, local discovery, PEX and UPnP/NAT-PMP are off: the
 * library is private to the household and nothing should reach beyond its tracker.
 *
 * Scale: items are registered **dormant** (metadata on disk, no client state, no offers).
 * The embedded tracker wakes an item when a peer announces it (`wake`, called before the
 * tracker processes that announce), so the seed node is in the swarm by the time the
 * peer's offers are relayed, and answers them: it never makes WebRTC offers of its own
 * for library items (numwant 0). Items with no peers for `idleSleepMs` go back to sleep.
 * With an external tracker nothing can wake an item, so up to `maxAwakeWithoutWakeups`
 * items are kept awake (the first ones registered) and the rest stay dormant.
 *
 * Memory: a dormant library item costs one map entry pointing at the registry's own
 * `LibraryItem` — no WebTorrent `Torrent`, no record, no closure, no timer. Its torrent is
 * read from the state folder (`libraryTorrent`) and its file paths worked out
 * (`seedFilesOf`) only when a peer wakes it. At 10,000 items a record and a loader closure
 * each cost ~0.2 KB more per item (bench/README.md, "memory").
 */
import { deepenWebRtcSendQueue } from './webrtc-send-queue.ts'
import os from 'node:os'
import WebTorrent, { type Torrent, type Wire } from 'webtorrent'
import { LibraryChunkStore } from './library-chunk-store.ts'
import { capPeerConnections, type PeerConnectionStats } from '../webrtc/peer-connection-cap.ts'
import { seedFilesOf, type LibraryItem } from './library-item.ts'
import type { Logger } from '../lib/log.ts'
import type { SeederStats } from '../../protocol/api/status.ts'

export interface TorrentSeederOptions {
  /** Tracker announce URLs the seed node itself uses. */
  announce: string[]
  /** TCP/uTP port for classic BitTorrent peers; 0 picks a free one. */
  peerPort: number
  /** Upload cap in bytes per second for all peers together; 0 = none. */
  uploadLimitBytesPerSec: number
  /** Whether the tracker wakes items on demand (embedded tracker) or not (external one). */
  wakeOnDemand: boolean
  /** An awake item with no peers for this long goes back to sleep. Default 10 min. */
  idleSleepMs?: number
  /** Live WebRTC peer connections in all (peer-connection-cap.ts); sized to the descriptor limit. Default 100. */
  maxPeerConnections?: number
  /** No WebRTC peer is made while it would take the open descriptors past this (lib/fd-headroom.ts). Default: no ceiling. */
  peerFdCeiling?: number
  /** Reads a library item's torrent from the state folder, on waking (fingerprint-cache.ts). */
  libraryTorrent: (infoHash: string) => Promise<Uint8Array>
  log: Logger
}

export interface SeedBytesOptions {
  /** Options for create-torrent (name, piece length, private...). */
  createOptions: Record<string, unknown>
  /** Folder for WebTorrent's copy of the bytes (in the state folder, never the library). */
  storeDir: string
  /** Announce URLs for these bytes instead of the seeder's own (the sync swarm always meets at the embedded tracker). */
  announce?: string[]
  /** Peers (WebRTC offers) to ask for at each announce, given the torrent's infohash; WebTorrent's default when absent. */
  numwant?: (infoHash: string) => number
}


/** Where a registered torrent's bytes are read from: a library item's files, or a finished edition's in the state folder. */
export interface SeedFiles {
  /** Torrent file path → absolute path on disk. */
  diskPaths: Record<string, string>
  /** Where those paths may be read from (library-file-open.ts). */
  confinement: LibraryItem['confinement']
}

/** Torrent files that are not library items (a finished edition): their files and torrent are given, not derived. */
interface OtherSource {
  files: SeedFiles
  loadTorrent: () => Promise<Uint8Array>
}

/** What the seeder serves an infohash from: a library item as the registry holds it (no copy), or another torrent. */
type Source = LibraryItem | OtherSource

/** An item in its swarm; only awake items have one. */
interface Awake {
  torrent: Torrent | null
  waking: Promise<void> | null
  lastActiveMs: number
}

function isLibraryItem (source: Source): source is LibraryItem {
  return 'stored' in source
}

const DEFAULT_IDLE_SLEEP_MS = 10 * 60 * 1000
const SLEEP_CHECK_INTERVAL_MS = 30 * 1000
/** How long a wake waits for the tracker to have registered the seed node in the swarm. */
const WAKE_ANNOUNCE_TIMEOUT_MS = 4 * 1000
/** Items kept awake when no tracker can wake them (external tracker). */
const MAX_AWAKE_WITHOUT_WAKEUPS = 100
const DEFAULT_MAX_PEER_CONNECTIONS = 100
/** Wires per torrent (WebTorrent's default is 55): one film needs few peers, and each costs descriptors. */
const MAX_WIRES_PER_TORRENT = 30

/** What the library's ingest asks of the seeder: items in, items out (library-ingest.ts). */
export interface ItemSeeder {
  seed: (item: LibraryItem) => Promise<void>
  unseed: (infoHash: string) => Promise<void>
}

export class TorrentSeeder implements ItemSeeder {
  private readonly client: WebTorrent
  /** Every served infohash, dormant or awake. */
  private readonly items = new Map<string, Source>()
  /** The few that are awake (or waking). */
  private readonly awake = new Map<string, Awake>()
  private readonly sleepTimer: NodeJS.Timeout
  private readonly idleSleepMs: number
  private wakeups = 0
  private sleeps = 0
  /** Bytes uploaded by torrents that have gone back to sleep. */
  private uploadedBySleepers = 0
  /** The WebRTC peer cap's counters. */
  readonly peerConnections: () => PeerConnectionStats

  constructor (private readonly options: TorrentSeederOptions) {
    this.idleSleepMs = options.idleSleepMs ?? DEFAULT_IDLE_SLEEP_MS
    const maxPeerConnections = options.maxPeerConnections ?? DEFAULT_MAX_PEER_CONNECTIONS
    this.peerConnections = capPeerConnections(maxPeerConnections, options.peerFdCeiling ?? null, options.log)
    this.client = new WebTorrent({
      maxConns: Math.min(MAX_WIRES_PER_TORRENT, maxPeerConnections),
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
    this.sleepTimer = setInterval(() => this.sleepIdle(), Math.min(SLEEP_CHECK_INTERVAL_MS, this.idleSleepMs))
    this.sleepTimer.unref()
  }

  /** Port classic BitTorrent peers connect to, once listening. */
  get peerPort (): number {
    return this.client.address()?.port ?? this.client.torrentPort
  }

  /** The client's peer id (hex), so the tracker hook can tell our own announces apart. */
  get peerId (): string {
    return (this.client as unknown as { peerId: string }).peerId
  }

  /**
   * Serves an item: registered dormant, woken when a peer asks. Its torrent is read from the
   * state folder on waking (`libraryTorrent`), so nothing is held in memory meanwhile.
   */
  async seed (item: LibraryItem): Promise<void> {
    this.register(item)
  }

  /** Stops serving an item (its file vanished or changed). */
  async unseed (infoHash: string): Promise<void> {
    await this.unregister(infoHash)
  }

  /**
   * Registers an item, dormant: nothing is loaded until a peer asks (see `wake`). The item
   * object itself is kept (the registry holds it anyway), replacing any earlier one: an awake
   * torrent goes on reading the files it was woken with.
   */
  register (item: LibraryItem): void {
    this.registerSource(item.stored.infoHash, item)
  }

  /** Registers a torrent over files read in place (read-only), dormant like a library item: a finished browser edition. */
  registerFiles (infoHash: string, files: SeedFiles, loadTorrent: () => Promise<Uint8Array>): void {
    this.registerSource(infoHash, { files, loadTorrent })
  }

  private registerSource (infoHash: string, source: Source): void {
    const known = this.items.has(infoHash)
    this.items.set(infoHash, source)
    if (!known && !this.options.wakeOnDemand && this.awake.size < MAX_AWAKE_WITHOUT_WAKEUPS) {
      this.wake(infoHash).catch(err => this.options.log.warn('seeder.wake_failed', { infoHash, error: String(err) }))
    }
  }

  /**
   * Brings a registered item into its swarm, and resolves once the tracker has seen our
   * announce (or after a bound). Unknown infohashes resolve at once: not ours to serve.
   */
  async wake (infoHash: string): Promise<void> {
    const source = this.items.get(infoHash)
    if (!source) return
    let entry = this.awake.get(infoHash)
    if (!entry) {
      entry = { torrent: null, waking: null, lastActiveMs: Date.now() }
      this.awake.set(infoHash, entry)
    }
    const waking = entry
    waking.lastActiveMs = Date.now()
    if (waking.torrent) return
    waking.waking ??= this.load(infoHash, source, waking).finally(() => {
      waking.waking = null
      // A failed wake leaves the item dormant, not half awake.
      if (waking.torrent === null && this.awake.get(infoHash) === waking) this.awake.delete(infoHash)
    })
    await waking.waking
  }

  private async load (infoHash: string, source: Source, entry: Awake): Promise<void> {
    const torrentFile = isLibraryItem(source) ? await this.options.libraryTorrent(infoHash) : await source.loadTorrent()
    if (this.awake.get(infoHash) !== entry) return // unregistered meanwhile
    const files = isLibraryItem(source) ? seedFilesOf(source) : source.files
    const torrent = await new Promise<Torrent>((resolve, reject) => {
      const added = this.client.add(torrentFile, {
        announce: this.options.announce,
        path: os.tmpdir(), // unused: the store below reads the library files where they are
        store: LibraryChunkStore,
        storeOpts: { libraryFiles: files.diskPaths, confinement: files.confinement },
        skipVerify: true, // the fingerprint cache vouches for the bytes
        // Answer the offers of peers who ask; make none of our own.
        getAnnounceOpts: () => ({ numwant: 0 })
      }, ready => resolve(ready))
      added.once('error', reject)
    })
    torrent.on('error', err => this.options.log.warn('seeder.torrent_error', { infoHash, error: String(err) }))
    torrent.on('wire', wire => {
      entry.lastActiveMs = Date.now()
      const deepQueue = deepenWebRtcSendQueue(torrent, wire)
      this.options.log.debug('seeder.wire', { infoHash, type: wire.type, remote: wire.remoteAddress, deepQueue })
    })
    entry.torrent = torrent
    this.wakeups++
    await new Promise<void>(resolve => {
      const timer = setTimeout(resolve, WAKE_ANNOUNCE_TIMEOUT_MS)
      torrent.once('trackerAnnounce', () => { clearTimeout(timer); resolve() })
    })
    this.options.log.debug('seeder.awake', { infoHash })
  }

  /** Puts items with no peers for `idleSleepMs` back to sleep. */
  private sleepIdle (): void {
    if (!this.options.wakeOnDemand) return
    const now = Date.now()
    for (const [infoHash, entry] of this.awake) {
      const torrent = entry.torrent
      if (!torrent || entry.waking) continue
      if (torrent.numPeers > 0) {
        entry.lastActiveMs = now
        continue
      }
      if (now - entry.lastActiveMs < this.idleSleepMs) continue
      this.awake.delete(infoHash)
      this.uploadedBySleepers += torrent.uploaded
      this.sleeps++
      torrent.destroy({ destroyStore: false })
      this.options.log.debug('seeder.asleep', { infoHash })
    }
  }

  /**
   * Seeds bytes held in memory (the watch-state sync torrent) under `storeDir`, and calls
   * `onWire` for each new wire before its extended handshake, so extensions can be used.
   */
  async seedBytes (content: Uint8Array, options: SeedBytesOptions, onWire: (wire: Wire) => void): Promise<Torrent> {
    const numwant = options.numwant
    const torrent: Torrent = this.client.seed(content, {
      ...options.createOptions,
      announce: options.announce ?? this.options.announce,
      path: options.storeDir,
      ...(numwant ? { getAnnounceOpts: () => ({ numwant: numwant(torrent.infoHash) }) } : {})
    })
    torrent.on('wire', onWire)
    await new Promise<void>((resolve, reject) => {
      torrent.once('seed', () => resolve())
      torrent.once('error', reject)
    })
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

  /** Forgets an item (its file vanished or changed); it is no longer served. */
  async unregister (infoHash: string): Promise<void> {
    this.items.delete(infoHash)
    const entry = this.awake.get(infoHash)
    if (!entry) return
    this.awake.delete(infoHash)
    await entry.waking?.catch(() => {})
    const torrent = entry.torrent
    if (torrent) await new Promise<void>(resolve => torrent.destroy({ destroyStore: false }, () => resolve()))
  }

  /** Whether the item is being served (awake or dormant). */
  isSeeding (infoHash: string): boolean {
    return this.items.has(infoHash)
  }

  isAwake (infoHash: string): boolean {
    return this.awake.get(infoHash)?.torrent != null
  }

  stats (): SeederStats {
    let peers = 0
    let webrtcPeers = 0
    let uploadedBytes = this.uploadedBySleepers
    let uploadSpeedBytesPerSec = 0
    let awake = 0
    for (const { torrent } of this.awake.values()) {
      if (!torrent) continue
      awake++
      peers += torrent.numPeers
      webrtcPeers += torrent.wires.filter(wire => wire.type === 'webrtc').length
      uploadedBytes += torrent.uploaded
      uploadSpeedBytesPerSec += torrent.uploadSpeed
    }
    return { torrents: this.items.size, awake, dormant: this.items.size - awake, clientTorrents: this.client.torrents.length, wakeups: this.wakeups, sleeps: this.sleeps, peers, webrtcPeers, uploadedBytes, uploadSpeedBytesPerSec }
  }

  async close (): Promise<void> {
    clearInterval(this.sleepTimer)
    await new Promise<void>(resolve => this.client.destroy(() => resolve()))
    this.items.clear()
    this.awake.clear()
  }
}
