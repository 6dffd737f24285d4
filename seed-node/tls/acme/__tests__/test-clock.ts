/** A clock whose time the test moves; timers fire only when the test moves time past them. */
import type { Clock } from '../clock.ts'

interface Timer { at: number, fire: () => void }

export class TestClock implements Clock {
  private readonly timers = new Set<Timer>()
  constructor (private nowMs: number) {}

  now (): number { return this.nowMs }

  setTimer (delayMs: number, fire: () => void): () => void {
    const timer = { at: this.nowMs + delayMs, fire }
    this.timers.add(timer)
    return () => { this.timers.delete(timer) }
  }

  /** Delays of the timers armed now, from the current time. */
  pending (): number[] { return [...this.timers].map(timer => timer.at - this.nowMs) }

  /** Moves to `ms`, firing every timer due on the way, in order (a fired timer may arm the next). */
  advanceTo (ms: number): void {
    for (;;) {
      const next = [...this.timers].filter(timer => timer.at <= ms).sort((a, b) => a.at - b.at)[0]
      if (next === undefined) break
      this.timers.delete(next)
      this.nowMs = Math.max(this.nowMs, next.at)
      next.fire()
    }
    this.nowMs = Math.max(this.nowMs, ms)
  }
}
