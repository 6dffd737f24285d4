/**
 * Counters of the sync extension, shared by all wires of one client. Plain numbers, so a
 * status page or a test can read them; the extension only ever increments them.
 */

/** Why an incoming message was dropped. */
export const DROP_REASONS = [
  /** Payload larger than any valid sealed message. */
  'oversize',
  /** Not a box sealed under our key: another household, a stranger, or a changed byte. */
  'unsealed',
  /** Opened, but not UTF-8 JSON. */
  'malformed',
  /** JSON that is not a valid message (schema, bounds, version). */
  'invalid',
  /** Valid but out of turn: records or ack before hello, or a hello naming another peer. */
  'unexpected',
  /** The wire's queue of messages waiting to be processed was full. */
  'backlog',
  /** Summary entries past the 50,000 bound (the message itself is still used). */
  'summary-overflow'
] as const
export type DropReason = typeof DROP_REASONS[number]

export interface SyncStats {
  /** Wires on which both sides advertised `hearth_sync` and that are still open. */
  wiresOpen: number
  /** Complete hellos received (one per wire, more if a peer re-greets). */
  hellosReceived: number
  messagesSent: number
  /** Messages that opened and validated. */
  messagesReceived: number
  recordsSent: number
  recordsReceived: number
  /** Received records that changed the local replica's state. */
  recordsChanged: number
  /** (key, stamp) entries we acknowledged, and that peers acknowledged to us. */
  ackEntriesSent: number
  ackEntriesReceived: number
  /** Outgoing messages not sent because the wire's send queue was full. */
  sendOverflow: number
  /** Calls into the replica that threw or rejected (snapshot, apply, acknowledged). */
  replicaErrors: number
  /** Outgoing messages that failed to seal or to be written to the wire. */
  sendErrors: number
  dropped: Record<DropReason, number>
}

export function createSyncStats (): SyncStats {
  return {
    wiresOpen: 0,
    hellosReceived: 0,
    messagesSent: 0,
    messagesReceived: 0,
    recordsSent: 0,
    recordsReceived: 0,
    recordsChanged: 0,
    ackEntriesSent: 0,
    ackEntriesReceived: 0,
    sendOverflow: 0,
    replicaErrors: 0,
    sendErrors: 0,
    dropped: Object.fromEntries(DROP_REASONS.map(reason => [reason, 0])) as Record<DropReason, number>
  }
}

/** Total of `dropped` over all reasons. */
export function droppedTotal (stats: SyncStats): number {
  return DROP_REASONS.reduce((sum, reason) => sum + stats.dropped[reason], 0)
}
