/**
 * What the sync extension needs from a store of watch records. The PWA implements it over
 * IndexedDB, the seed node over its fsynced log; `memory-replica.ts` is the reference.
 */
import type { HlcStamp } from './hybrid-clock.ts'
import type { WatchRecord } from './watch-record.ts'

export interface SyncPeerInfo {
  role: 'seed-node' | 'device'
  deviceId: string
}

export interface SyncReplica {
  /** All current records (the merged state). */
  snapshot (): WatchRecord[] | Promise<WatchRecord[]>
  /** Merge records from a peer; resolve once they are durable locally; return the ones that changed state. */
  apply (records: WatchRecord[], from: SyncPeerInfo): Promise<WatchRecord[]>
  /** A peer acknowledged these (key, stamp) pairs as durable on its side. */
  acknowledged? (entries: Array<[string, HlcStamp]>, from: SyncPeerInfo): void
  /** Subscribe to local changes that must be pushed live; returns unsubscribe. */
  onLocalChange (listener: (records: WatchRecord[]) => void): () => void
}
