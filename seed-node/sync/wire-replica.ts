/**
 * The seed node's watch-state log as one sync wire sees it. Every wire of the sync torrent
 * gets its own view, so a change can carry the wire it came from: what a device tells the
 * seed node is relayed to every other wire, never echoed back to the device that sent it
 * (an echo would cost that device a useless push and the seed node a useless ack).
 */
import type { SyncPeerInfo, SyncReplica } from '../../protocol/sync-replica.ts'
import type { WatchRecord } from '../../protocol/watch-record.ts'
import type { WatchStateLog } from './watch-state-log.ts'

export class WireReplica implements SyncReplica {
  constructor (private readonly store: WatchStateLog) {}

  snapshot (): WatchRecord[] {
    return this.store.snapshot()
  }

  /** Records from this wire's peer: merged with this view as their origin. */
  async apply (records: WatchRecord[], _from: SyncPeerInfo): Promise<WatchRecord[]> {
    return await this.store.apply(records, this)
  }

  /** Changes from anywhere but this wire (other wires, the seed node itself). */
  onLocalChange (listener: (records: WatchRecord[]) => void): () => void {
    return this.store.onChange((records, origin) => {
      if (origin !== this) listener(records)
    })
  }
}
