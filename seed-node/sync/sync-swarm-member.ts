/**
 * The seed node in the household's watch-state sync swarm: it seeds the deterministic sync
 * torrent derived from the library key and speaks the `hearth_sync` extension on every
 * wire, answering each device from its durable log and relaying what one device tells it
 * to every other. It is the household's always-on memory.
 */
import path from 'node:path'
import type { Wire } from 'webtorrent'
import type { DerivedKeys } from '../../protocol/library-key.ts'
import { createSyncExtension } from '../../protocol/sync-extension.ts'
import { createSyncStats, type SyncStats } from '../../protocol/sync-stats.ts'
import { syncTorrentContent, syncTorrentSeedOptions } from '../../protocol/sync-torrent.ts'
import type { SyncPeerInfo } from '../../protocol/sync-replica.ts'
import type { Logger } from '../lib/log.ts'
import type { TorrentSeeder } from '../library/torrent-seeder.ts'
import type { WatchStateLog } from './watch-state-log.ts'

/** A wire after `wire.use(Extension)`: bittorrent-protocol stores the handler under its name. */
type WireWithSync = Wire & { hearth_sync?: { session: { peer: SyncPeerInfo | null } } }

export interface SyncSwarmMember {
  infoHash: string
  stats: SyncStats
  /** Peers whose hello arrived, on wires still open. */
  peers (): SyncPeerInfo[]
}

export async function joinSyncSwarm (options: {
  seeder: TorrentSeeder
  keys: DerivedKeys
  deviceId: string
  store: WatchStateLog
  stateDir: string
  log: Logger
}): Promise<SyncSwarmMember> {
  const { seeder, keys, deviceId, store, log } = options
  const stats = createSyncStats()
  const Extension = createSyncExtension({
    keys,
    role: 'seed-node',
    deviceId,
    replica: store,
    stats,
    onWarning: err => log.warn('sync.warning', { error: err.message }),
    onPeer: peer => log.info('sync.peer', { role: peer.role, deviceId: peer.deviceId })
  })
  const content = await syncTorrentContent(keys.syncSwarmSecret)
  const torrent = await seeder.seedBytes(content, {
    createOptions: { ...syncTorrentSeedOptions },
    storeDir: path.join(options.stateDir, 'sync-swarm')
  }, wire => wire.use(Extension))
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
