/**
 * The time a tracker part reads and the timers it sets, behind one small interface, so a
 * test can move time forward by hand (a ban that lasts ten minutes is tested without
 * waiting ten minutes) while production runs on the system clock.
 */
export interface Clock {
  /** Milliseconds since the epoch, as `Date.now()`. */
  now (): number
  /** Calls `fn` once after `ms` milliseconds; returns a function that cancels it. Never keeps the process alive. */
  after (ms: number, fn: () => void): () => void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  after: (ms, fn) => {
    const timer = setTimeout(fn, ms)
    timer.unref()
    return () => clearTimeout(timer)
  }
}
