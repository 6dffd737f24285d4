/** A token bucket: `ratePerSecond` on average, `burst` at once. One per WebSocket connection. */
export class TokenBucket {
  private tokens: number
  private updatedAt: number

  constructor (private readonly ratePerSecond: number, private readonly burst: number, private readonly now: () => number = Date.now) {
    this.tokens = burst
    this.updatedAt = now()
  }

  /**
   * Takes one token; false when the bucket is empty (the caller is over its rate). O(1): the
   * refill is computed from the time since the last take, no timer. `nowMs` lets a caller
   * that already read the clock for this message pass it on.
   */
  take (nowMs?: number): boolean {
    const now = nowMs ?? this.now()
    const elapsedMs = Math.max(0, now - this.updatedAt)
    this.updatedAt = now
    this.tokens = Math.min(this.burst, this.tokens + (elapsedMs / 1000) * this.ratePerSecond)
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
