/**
 * An in-memory SyncReplica: the merge state as a map, nothing durable. The reference
 * implementation for tests, and a model of what the real stores must do.
 */
import type { HlcStamp } from './hybrid-clock.ts'
import { mergeRecords, type WatchRecord } from './watch-record.ts'
import type { SyncPeerInfo, SyncReplica } from './sync-replica.ts'

export class MemoryReplica implements SyncReplica {
  readonly state = new Map<string, WatchRecord>()
  /** Every `apply` and `acknowledged` call, oldest first (for tests). */
  readonly applied: Array<{ records: WatchRecord[], from: SyncPeerInfo }> = []
  readonly acks: Array<{ entries: Array<[string, HlcStamp]>, from: SyncPeerInfo }> = []
  private readonly listeners = new Set<(records: WatchRecord[]) => void>()

  constructor (initial: Iterable<WatchRecord> = []) {
    mergeRecords(this.state, initial)
  }

  snapshot (): WatchRecord[] {
    return [...this.state.values()]
  }

  async apply (records: WatchRecord[], from: SyncPeerInfo): Promise<WatchRecord[]> {
    this.applied.push({ records, from })
    return mergeRecords(this.state, records)
  }

  acknowledged (entries: Array<[string, HlcStamp]>, from: SyncPeerInfo): void {
    this.acks.push({ entries, from })
  }

  onLocalChange (listener: (records: WatchRecord[]) => void): () => void {
    this.listeners.add(listener)
    return () => { this.listeners.delete(listener) }
  }

  /** A local write (the player saving a position): merge it and push it to listeners. */
  write (...records: WatchRecord[]): WatchRecord[] {
    const changed = mergeRecords(this.state, records)
    if (changed.length > 0) for (const listener of [...this.listeners]) listener(changed)
    return changed
  }

  get listenerCount (): number {
    return this.listeners.size
  }
}
