/**
 * `window.__hearth`: a read-only view of the page's WebTorrent client and watch state, for
 * e2e tests (`page.evaluate(() => window.__hearth.wires())`) and as a "stats for nerds"
 * source. Everything returned is plain JSON-serialisable data. Before WebTorrent is loaded
 * (player opened, or the sync swarm started) both torrent lists are empty; reading never
 * loads WebTorrent.
 *
 *   torrents(): Array<{
 *     infoHash: string, progress: number (0..1), downloaded: number (bytes),
 *     numPeers: number, pieceLength: number (bytes), length: number (bytes),
 *     pieces: number (count), bitfield: string ('0'/'1' per piece, piece 0 first),
 *     metadataFrom: 'torrent-file' | 'peers' | null (how this page got its metadata; null: not opened by the player),
 *     wiresAtReady: number | null (wires when the metadata was ready: 0 = nothing waited for over a wire)
 *   }>
 *   wires(): Array<{
 *     infoHash: string, type: string ('webrtc' | 'webSeed' | 'tcpIncoming' | 'tcpOutgoing' | 'utpIncoming' | 'utpOutgoing'),
 *     downloaded: number (bytes), uploaded: number (bytes), remoteAddress: string | null
 *   }>
 *   watchState(): Promise<WatchRecord[]>   every record in this browser profile's store (all profiles)
 *   outbox(): Promise<number>              local records not yet acknowledged by the seed node
 *   paired(): boolean                      whether this device holds the library key (false until the store is open)
 *   deviceId(): string | null              this browser profile's device id (null until the store is open)
 *   syncPeers(): Array<{ role: 'seed-node' | 'device', deviceId: string }>   sync-swarm peers that said hello
 *   warmTorrents(): { warm: string[], warmed, claimed, released }   torrents added ahead of a click (lib/torrent/warm-torrents.ts)
 */
import type { WatchRecord } from '../../../protocol/watch-record.ts'
import { metadataOrigin, type MetadataFrom } from '../torrent/metadata-origin.ts'
import { peekWebTorrentClient } from '../torrent/webtorrent-client.ts'
import { warmTorrentsSnapshot } from '../torrent/warm-torrents.ts'
import { getWatchStateStore, peekWatchStateStore } from '../watch-state/open-watch-state.ts'
import { syncPeers } from '../watch-state/sync-swarm.ts'
import { bitfieldString } from './bitfield-string.ts'
import { readCachedCatalog } from '../catalog/catalog-cache.ts'

export interface TorrentDiagnostics {
  infoHash: string
  progress: number
  downloaded: number
  numPeers: number
  pieceLength: number
  length: number
  pieces: number
  bitfield: string
  metadataFrom: MetadataFrom | null
  wiresAtReady: number | null
}

export interface WireDiagnostics {
  infoHash: string
  type: string
  downloaded: number
  uploaded: number
  remoteAddress: string | null
}

export interface HearthDiagnostics {
  torrents: () => TorrentDiagnostics[]
  wires: () => WireDiagnostics[]
  watchState: () => Promise<WatchRecord[]>
  outbox: () => Promise<number>
  paired: () => boolean
  deviceId: () => string | null
  syncPeers: () => Array<{ role: 'seed-node' | 'device', deviceId: string }>
  /** The catalog cached on this device for its household (lib/catalog/catalog-cache.ts), or null. */
  cachedCatalog: () => Promise<{ revision: string | null, ids: string[] } | null>
  /** Infohashes warm now (added on hover, not yet played) and how many were warmed, claimed by the player, released. */
  warmTorrents: () => { warm: string[], warmed: number, claimed: number, released: number }
}

declare global {
  interface Window {
    __hearth?: HearthDiagnostics
  }
}

export function exposeDiagnostics (): void {
  window.__hearth = {
    torrents,
    wires,
    watchState: async () => (await getWatchStateStore()).all(),
    outbox: async () => await (await getWatchStateStore()).outboxSize(),
    paired: () => peekWatchStateStore()?.paired ?? false,
    deviceId: () => peekWatchStateStore()?.deviceId ?? null,
    syncPeers,
    cachedCatalog,
    warmTorrents: warmTorrentsSnapshot
  }
}

async function cachedCatalog (): Promise<{ revision: string | null, ids: string[] } | null> {
  const libraryKey = peekWatchStateStore()?.libraryKey ?? null
  const catalog = libraryKey === null ? null : await readCachedCatalog(libraryKey)
  return catalog === null ? null : { revision: catalog.revision ?? null, ids: catalog.items.map(item => item.id) }
}

function torrents (): TorrentDiagnostics[] {
  return (peekWebTorrentClient()?.torrents ?? []).map(torrent => ({
    infoHash: torrent.infoHash,
    progress: torrent.progress,
    downloaded: torrent.downloaded,
    numPeers: torrent.numPeers,
    pieceLength: torrent.pieceLength,
    length: torrent.length,
    pieces: torrent.pieces.length,
    bitfield: bitfieldString(torrent.bitfield, torrent.pieces.length),
    metadataFrom: metadataOrigin(torrent.infoHash)?.from ?? null,
    wiresAtReady: metadataOrigin(torrent.infoHash)?.wiresAtReady ?? null
  }))
}

function wires (): WireDiagnostics[] {
  return (peekWebTorrentClient()?.torrents ?? []).flatMap(torrent => torrent.wires.map(wire => ({
    infoHash: torrent.infoHash,
    type: wire.type,
    downloaded: wire.downloaded,
    uploaded: wire.uploaded,
    remoteAddress: wire.remoteAddress ?? null
  })))
}
