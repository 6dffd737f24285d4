/** The tracker's counters: what it refused, dropped and closed, and why. Plain numbers, no HTML. */

export type RefusalReason =
  | 'missingCredential' | 'wrongCredential' | 'banned' | 'shareScope' | 'swarmLimit'
  | 'tooManyFromAddress' | 'tooManyConnections' | 'badPath'
  /** A wrong credential that does not count towards a ban: from a third-party page, or a revoked share token. */
  | 'notCounted'

export type DropReason =
  | 'tooLarge' | 'binaryFrame' | 'malformedJson' | 'notAnObject' | 'unknownAction' | 'invalidUtf8' | 'protocolError'
  | 'invalidMessage' | 'rateExceeded' | 'idle' | 'answerWithoutOffer' | 'offersOverLimit' | 'peerIdChanged' | 'internalError'

export interface TrackerStats {
  torrents: number
  peers: number
  /** Open WebSocket connections. */
  webSocketConnections: number
  /** Distinct addresses with an open WebSocket connection. */
  connectedAddresses: number
  /** Requests and upgrades refused, by reason. */
  refused: Record<RefusalReason, number>
  /** Messages dropped (and, for the frame-level reasons, their connection closed), by reason. */
  dropped: Record<DropReason, number>
  bans: { active: number, total: number, trackedAddresses: number }
  /** Offers awaiting an answer. */
  pendingOffers: number
}

const REFUSAL_REASONS: RefusalReason[] = ['missingCredential', 'wrongCredential', 'banned', 'shareScope', 'swarmLimit', 'tooManyFromAddress', 'tooManyConnections', 'badPath', 'notCounted']
const DROP_REASONS: DropReason[] = ['tooLarge', 'binaryFrame', 'malformedJson', 'notAnObject', 'unknownAction', 'invalidUtf8', 'protocolError', 'invalidMessage', 'rateExceeded', 'idle', 'answerWithoutOffer', 'offersOverLimit', 'peerIdChanged', 'internalError']

function zeroes<K extends string> (keys: K[]): Record<K, number> {
  return Object.fromEntries(keys.map(key => [key, 0])) as Record<K, number>
}

export class TrackerCounters {
  readonly refused = zeroes(REFUSAL_REASONS)
  readonly dropped = zeroes(DROP_REASONS)

  refuse (reason: RefusalReason): void { this.refused[reason] += 1 }
  drop (reason: DropReason, count = 1): void { this.dropped[reason] += count }
}
