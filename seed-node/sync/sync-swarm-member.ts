/**
 * The seed node in the household's watch-state sync swarm: it seeds the deterministic sync
 * torrent derived from the library key and speaks the `hearth_sync` extension on every
 * wire, answering each device from its durable log and relaying what one device tells it
 * to every other (not back to the sender: each wire gets its own view of the log,
 * wire-replica.ts). It is the household's always-on memory.
 *
 * Where the swarm meets: always the seed node's own embedded tracker (`announce`), whatever
 * `--tracker` says. The app announces the sync torrent to the tracker on the host that
 * served it (app/lib/watch-state/sync-tracker-url.ts), which is this embedded one; if the
 * seed node followed `--tracker` here, it and the household's devices would sit in two
 * halves of one swarm that never meet. Library items follow `--tracker`; the sync swarm is
 * private to the household and needs nobody else's tracker.
 */
import path from 'node:path'
import type { Wire } from 'webtorrent'
import type { DerivedKeys } from '../../protocol/library-key.ts'
import { createSyncExtension, type SyncExtensionConstructor } from '../../protocol/sync-extension.ts'
import { createSyncStats, type SyncStats } from '../../protocol/sync-stats.ts'
import { syncTorrentContent, syncTorrentSeedOptions } from '../../protocol/sync-torrent.ts'
import type { SyncPeerInfo } from '../../protocol/sync-replica.ts'
import type { Logger } from '../lib/log.ts'
import type { TorrentSeeder } from '../library/torrent-seeder.ts'
import type { WatchStateLog } from './watch-state-log.ts'
import { WireReplica } from './wire-replica.ts'

/** Offers per announce while devices are in the swarm (bittorrent-tracker makes at most 5). */
const SYNC_OFFERS = 5

/** A wire after `wire.use(Extension)`: bittorrent-protocol stores the handler under its name. */
type WireWithSync = Wire & { hearth_sync?: { session: { peer: SyncPeerInfo | null } } }

export interface SyncSwarmMember {
  infoHash: string
  stats: SyncStats
  /** Peers whose hello arrived, on wires still open. */
  peers (): SyncPeerInfo[]
}

/**
 * The `hearth_sync` extension for one new wire: each wire gets its own class over its own
 * view of the log (so nothing is echoed to its sender), all counting into one `stats`.
 */
export function seedNodeWireExtension (options: {
  keys: DerivedKeys
  deviceId: string
  store: WatchStateLog
  stats: SyncStats
  log: Logger
}): SyncExtensionConstructor {
  const { log } = options
  return createSyncExtension({
    keys: options.keys,
    role: 'seed-node',
    deviceId: options.deviceId,
    replica: new WireReplica(options.store),
    stats: options.stats,
    onWarning: err => log.warn('sync.warning', { error: err.message }),
    onPeer: peer => log.info('sync.peer', { role: peer.role, deviceId: peer.deviceId })
  })
}

export async function joinSyncSwarm (options: {
  seeder: TorrentSeeder
  keys: DerivedKeys
  deviceId: string
  store: WatchStateLog
  stateDir: string
  /** The embedded tracker's announce URLs (see the comment at the top). */
  announce: string[]
  /**
   * Whether an announce should carry WebRTC offers: only while another WebRTC peer is in the
   * swarm, so an idle seed node makes no peer connection (and loads no WebRTC). Devices that
   * join later send offers of their own, which the tracker relays to us.
   */
  wantsOffers: (infoHash: string) => boolean
  log: Logger
}): Promise<SyncSwarmMember> {
  const { seeder, keys, deviceId, store, log } = options
  const stats = createSyncStats()
  const extensionForWire = (): SyncExtensionConstructor => seedNodeWireExtension({ keys, deviceId, store, stats, log })
  const content = await syncTorrentContent(keys.syncSwarmSecret)
  const torrent = await seeder.seedBytes(content, {
    createOptions: { ...syncTorrentSeedOptions },
    storeDir: path.join(options.stateDir, 'sync-swarm'),
    announce: options.announce,
    numwant: infoHash => options.wantsOffers(infoHash) ? SYNC_OFFERS : 0
  }, wire => wire.use(extensionForWire()))
  log.info('sync.joined', { infoHash: torrent.infoHash })
  return {
    infoHash: torrent.infoHash,
    stats,
    peers: () => torrent.wires.flatMap(wire => {
      const peer = (wire as WireWithSync).hearth_sync?.session.peer
      return peer ? [peer] : []
    })
  }
}
