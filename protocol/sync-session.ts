/**
 * One peer's sync conversation, independent of the transport. Both sides run the same flow:
 *
 *   start()            subscribe to local changes; send hello(s) with our summary
 *   ← hello(s)         (until `more: false`) send `records` with what the peer lacks or holds older
 *   ← records          replica.apply (durable), then `ack` every (key, stamp) received
 *   ← ack              replica.acknowledged (the app clears its outbox)
 *   local change       send `records` (queued behind the hello, so never before it)
 *
 * Records or acks before the peer's hello are dropped ('unexpected'). Sends and receipts
 * are each processed in order, one at a time; every step re-checks `closed` after each
 * await, and nothing a peer sends can make it throw.
 */
import { compareStamps, type HlcStamp } from './hybrid-clock.ts'
import { parseWatchRecord, recordKey, type WatchRecord } from './watch-record.ts'
import {
  MAX_SUMMARY_ENTRIES, ackMessages, decodeSyncMessage, encodeSyncMessage, helloMessages, recordsMessages, summarize,
  type AckMessage, type HelloMessage, type RecordsMessage, type SyncMessage, type SyncRole
} from './sync-messages.ts'
import type { SyncPeerInfo, SyncReplica } from './sync-replica.ts'
import type { SyncStats } from './sync-stats.ts'

/**
 * Received payloads waiting to be processed on one wire, by count and by bytes; more are
 * dropped ('backlog'). The byte bound holds a full answer to an empty summary (50,000
 * records of ~200 bytes) while a slow store (fsync per message) catches up.
 */
export const MAX_PENDING_RECEIVED = 1024
export const MAX_PENDING_RECEIVED_BYTES = 16 * 1024 * 1024
/** Send jobs waiting on one wire (a job is a hello, an answer, an ack or a live push). */
export const MAX_PENDING_SENDS = 256

export interface SyncTransport {
  send (payload: Uint8Array): void
  /** True once the wire is gone; checked after every await. */
  readonly closed: boolean
}

export interface SyncSessionOptions {
  sealKey: CryptoKey
  role: SyncRole
  deviceId: string
  replica: SyncReplica
  stats: SyncStats
  transport: SyncTransport
  onPeer?: (peer: SyncPeerInfo) => void
  onWarning?: (error: Error) => void
}

export class SyncSession {
  /** Who is on the other end, once its first hello arrived. */
  peer: SyncPeerInfo | null = null
  private started = false
  private stopped = false
  private unsubscribe: (() => void) | null = null
  private outgoing: Promise<void> = Promise.resolve()
  private incoming: Promise<void> = Promise.resolve()
  private pendingSends = 0
  private pendingReceived = 0
  private pendingReceivedBytes = 0
  /** Summary entries of the greeting in progress, by record key. */
  private theirSummary = new Map<string, HlcStamp>()

  constructor (private readonly options: SyncSessionOptions) {}

  private get closed (): boolean {
    return this.stopped || this.options.transport.closed
  }

  /** Both sides speak `hearth_sync`: subscribe to live changes, then greet. Idempotent. */
  start (): void {
    if (this.started || this.closed) return
    this.started = true
    this.options.stats.wiresOpen++
    // Subscribing before the hello's snapshot is taken, and queueing pushes behind the hello,
    // means no change falls between the two.
    this.unsubscribe = this.options.replica.onLocalChange(records => {
      this.queueSend(() => recordsMessages(this.sendable(records)))
    })
    this.queueSend(async () => {
      const snapshot = await this.options.replica.snapshot()
      return helloMessages(this.options.role, this.options.deviceId, summarize(snapshot))
    })
  }

  /** The wire closed: stop sending and receiving. Idempotent. */
  stop (): void {
    if (this.stopped) return
    this.stopped = true
    if (this.started) this.options.stats.wiresOpen--
    this.unsubscribe?.()
    this.unsubscribe = null
  }

  /** A payload arrived on the wire; it is processed after those before it. */
  receive (payload: Uint8Array): void {
    if (this.closed) return
    if (this.pendingReceived >= MAX_PENDING_RECEIVED || this.pendingReceivedBytes + payload.length > MAX_PENDING_RECEIVED_BYTES) {
      this.options.stats.dropped.backlog++
      return
    }
    this.pendingReceived++
    this.pendingReceivedBytes += payload.length
    // Copy: the transport may reuse its buffer once we return.
    const bytes = new Uint8Array(payload)
    this.incoming = this.incoming.then(async () => {
      try {
        const result = await decodeSyncMessage(this.options.sealKey, bytes)
        if (this.closed) return
        if (!result.ok) {
          this.options.stats.dropped[result.reason]++
          return
        }
        await this.handle(result.message)
      } catch (err) {
        this.warn(err)
      } finally {
        this.pendingReceived--
        this.pendingReceivedBytes -= bytes.length
      }
    })
  }

  private async handle (message: SyncMessage): Promise<void> {
    if (message.type === 'hello') return await this.onHello(message)
    if (this.peer === null) {
      this.options.stats.dropped.unexpected++
      return
    }
    this.options.stats.messagesReceived++
    if (message.type === 'records') await this.onRecords(message, this.peer)
    else this.onAck(message, this.peer)
  }

  private async onHello (message: HelloMessage): Promise<void> {
    const stats = this.options.stats
    if (this.peer !== null && (this.peer.deviceId !== message.deviceId || this.peer.role !== message.role)) {
      stats.dropped.unexpected++
      return
    }
    stats.messagesReceived++
    if (this.peer === null) {
      this.peer = { role: message.role, deviceId: message.deviceId }
      this.callSafely(() => this.options.onPeer?.({ ...this.peer! }))
    }
    for (const [key, stamp] of message.summary) {
      if (this.theirSummary.size >= MAX_SUMMARY_ENTRIES && !this.theirSummary.has(key)) {
        stats.dropped['summary-overflow']++
        continue
      }
      this.theirSummary.set(key, stamp)
    }
    if (message.more) return
    stats.hellosReceived++
    const theirs = this.theirSummary
    this.theirSummary = new Map()
    this.queueSend(async () => {
      const snapshot = await this.options.replica.snapshot()
      const lacking = snapshot.filter(record => {
        const stamp = theirs.get(recordKey(record))
        return stamp === undefined || compareStamps(record.hlc, stamp) > 0
      })
      return recordsMessages(this.sendable(lacking))
    })
  }

  private async onRecords (message: RecordsMessage, from: SyncPeerInfo): Promise<void> {
    const stats = this.options.stats
    stats.recordsReceived += message.records.length
    let changed: WatchRecord[]
    try {
      changed = await this.options.replica.apply(message.records, { ...from })
    } catch (err) {
      // Not durable, so not acknowledged: the sender keeps them in its outbox.
      stats.replicaErrors++
      this.warn(err)
      return
    }
    if (this.closed) return
    stats.recordsChanged += changed.length
    // Applied or already known (equal or newer here): either way durable, so acknowledge all.
    const entries = summarize(message.records)
    this.queueSend(() => ackMessages(entries))
  }

  private onAck (message: AckMessage, from: SyncPeerInfo): void {
    this.options.stats.ackEntriesReceived += message.entries.length
    const acknowledged = this.options.replica.acknowledged
    if (acknowledged === undefined) return
    this.callSafely(() => acknowledged.call(this.options.replica, message.entries, { ...from }), true)
  }

  /** Local records that pass validation (one bad record must not sink a whole message). */
  private sendable (records: readonly WatchRecord[]): WatchRecord[] {
    return records.filter(record => parseWatchRecord(record) !== undefined)
  }

  /** Queues a job producing messages; they are sealed and sent in order, after earlier jobs. */
  private queueSend (produce: () => SyncMessage[] | Promise<SyncMessage[]>): void {
    if (this.closed) return
    if (this.pendingSends >= MAX_PENDING_SENDS) {
      this.options.stats.sendOverflow++
      return
    }
    this.pendingSends++
    this.outgoing = this.outgoing.then(async () => {
      try {
        if (this.closed) return
        let messages: SyncMessage[]
        try {
          messages = await produce()
        } catch (err) {
          this.options.stats.replicaErrors++
          this.warn(err)
          return
        }
        for (const message of messages) {
          if (this.closed) return
          const payload = await encodeSyncMessage(this.options.sealKey, message)
          if (this.closed) return
          this.options.transport.send(payload)
          this.countSent(message)
        }
      } catch (err) {
        this.options.stats.sendErrors++
        this.warn(err)
      } finally {
        this.pendingSends--
      }
    })
  }

  private countSent (message: SyncMessage): void {
    const stats = this.options.stats
    stats.messagesSent++
    if (message.type === 'records') stats.recordsSent += message.records.length
    if (message.type === 'ack') stats.ackEntriesSent += message.entries.length
  }

  private callSafely (fn: () => void, replicaCall = false): void {
    try {
      fn()
    } catch (err) {
      if (replicaCall) this.options.stats.replicaErrors++
      this.warn(err)
    }
  }

  private warn (err: unknown): void {
    const error = err instanceof Error ? err : new Error(String(err))
    try {
      this.options.onWarning?.(error)
    } catch {
      // A throwing warning handler must not break the wire either.
    }
  }

  /** Resolves when everything queued so far has been sent and processed (for tests and shutdown). */
  async settled (): Promise<void> {
    let outgoing: Promise<void>
    let incoming: Promise<void>
    do {
      outgoing = this.outgoing
      incoming = this.incoming
      await Promise.all([outgoing, incoming])
    } while (outgoing !== this.outgoing || incoming !== this.incoming)
  }
}
