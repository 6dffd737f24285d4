/**
 * The registry's history of changes, for `GET /api/catalog?since=` (protocol/catalog-delta.ts):
 * a counter bumped at every change, the counter at which each present item last changed, and
 * tombstones for removed ids. Tombstones are bounded; forgetting the oldest raises `floor`,
 * and a revision below the floor is answered with the whole catalog.
 *
 * The run's `epoch` is random, so a revision from before a restart is never mistaken for one
 * of this run (the counter starts again at 0).
 */
import { randomBytes } from 'node:crypto'

/** Removed ids remembered; past this the oldest are forgotten (a delta from before them is refused). */
export const MAX_TOMBSTONES = 10_000

export interface ChangesSince {
  changed: string[]
  removed: string[]
}

export class CatalogChangeLog {
  readonly epoch = randomBytes(6).toString('base64url')
  private counter = 0
  /** Counters below this may have lost tombstones. */
  private floor = 0
  private readonly changedAt = new Map<string, number>()
  /** What each present item looked like when last recorded: a rescan that puts it again unchanged is no change. */
  private readonly signatures = new Map<string, number>()
  /** Insertion order is removal order: the first entry is the oldest. */
  private readonly removedAt = new Map<string, number>()

  get version (): number {
    return this.counter
  }

  /** Records `id` as changed, unless `signature` says it is as it was. */
  changed (id: string, signature?: number): void {
    if (signature !== undefined && this.signatures.get(id) === signature) return
    this.counter++
    this.changedAt.set(id, this.counter)
    this.removedAt.delete(id)
    if (signature === undefined) this.signatures.delete(id)
    else this.signatures.set(id, signature)
  }

  /** Whether `id` was last recorded with this signature (nothing about it changed since). */
  isCurrent (id: string, signature: number): boolean {
    return this.signatures.get(id) === signature
  }

  removed (id: string): void {
    this.counter++
    this.changedAt.delete(id)
    this.signatures.delete(id)
    this.removedAt.delete(id)
    this.removedAt.set(id, this.counter)
    while (this.removedAt.size > MAX_TOMBSTONES) {
      const [oldest, at] = this.removedAt.entries().next().value as [string, number]
      this.removedAt.delete(oldest)
      this.floor = Math.max(this.floor, at)
    }
  }

  /** Ids changed and removed after `since`, or null when this log cannot say (too old, or from the future). */
  since (since: number): ChangesSince | null {
    if (!Number.isInteger(since) || since < this.floor || since > this.counter) return null
    const changed: string[] = []
    const removed: string[] = []
    for (const [id, at] of this.changedAt) if (at > since) changed.push(id)
    for (const [id, at] of this.removedAt) if (at > since) removed.push(id)
    return { changed, removed }
  }
}
