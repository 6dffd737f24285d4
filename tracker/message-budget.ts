/**
 * The message budget of one WebSocket connection, by the role of who holds it: a share-token
 * guest gets a small one (one item: an announce every 24 s and the answers to its offers),
 * a household member a larger one, and the host's own client (the seed node, which
 * re-announces every item it holds over one connection) the largest. A household
 * connection becomes the host's own when it announces with the host's peer id; only the
 * household can, so a guest never borrows the host's budget.
 */
import type { Principal } from './access-control.ts'
import { TokenBucket } from './rate-limiter.ts'
import type { ResolvedTrackerOptions } from './tracker-options.ts'

export type BudgetRole = 'own' | 'household' | 'share'

type BudgetOptions = Pick<ResolvedTrackerOptions,
  'messagesPerSecond' | 'messageBurst' | 'shareMessagesPerSecond' | 'shareMessageBurst' | 'ownMessagesPerSecond' | 'ownMessageBurst' | 'isOwnPeer'>

export function bucketFor (role: BudgetRole, options: BudgetOptions): TokenBucket {
  if (role === 'own') return new TokenBucket(options.ownMessagesPerSecond, options.ownMessageBurst)
  if (role === 'share') return new TokenBucket(options.shareMessagesPerSecond, options.shareMessageBurst)
  return new TokenBucket(options.messagesPerSecond, options.messageBurst)
}

/** One connection's budget: starts by its principal, and moves to `own` once it announces as the host. */
export class MessageBudget {
  private bucket: TokenBucket
  private currentRole: BudgetRole

  constructor (private readonly principal: Principal, private readonly options: BudgetOptions) {
    this.currentRole = principal.kind === 'share' ? 'share' : 'household'
    this.bucket = bucketFor(this.currentRole, options)
  }

  get role (): BudgetRole {
    return this.currentRole
  }

  /** Takes one message's worth (at `nowMs`, the caller's clock reading); false when over budget. */
  take (nowMs?: number): boolean {
    return this.bucket.take(nowMs)
  }

  /** Called with each admitted announce's peer id: the host's own client gets its budget (full). */
  noteAnnouncer (peerIdHex: string): void {
    if (this.currentRole !== 'household' || this.principal.kind !== 'household' || !this.options.isOwnPeer(peerIdHex)) return
    this.currentRole = 'own'
    this.bucket = bucketFor('own', this.options)
  }
}
