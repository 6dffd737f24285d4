/** A Clock for tests that moves only when told: `advance(ms)` runs the timers that fall due, in order. */
import type { Clock } from '../clock.ts'

export class ManualClock implements Clock {
  private timers: Array<{ at: number, fn: () => void }> = []

  constructor (private current = 0) {}

  now (): number {
    return this.current
  }

  after (ms: number, fn: () => void): () => void {
    const timer = { at: this.current + ms, fn }
    this.timers.push(timer)
    return () => { this.timers = this.timers.filter(candidate => candidate !== timer) }
  }

  /** Moves time forward by `ms`, running each timer due on the way at its own time. */
  advance (ms: number): void {
    const end = this.current + ms
    for (;;) {
      const due = this.timers.filter(timer => timer.at <= end).sort((a, b) => a.at - b.at)[0]
      if (!due) break
      this.timers = this.timers.filter(timer => timer !== due)
      this.current = due.at
      due.fn()
    }
    this.current = end
  }

  /** Sets the time without running timers (for tests of lazy checks). */
  set (ms: number): void {
    this.current = ms
  }
}
