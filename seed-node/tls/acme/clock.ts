/**
 * Time as the ACME source sees it: the wall clock (to compare with a certificate's validity)
 * and one-shot timers. Tests give a clock whose `now` they move and whose timers they fire,
 * so no test waits for a renewal or a back-off.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now (): number
  /** Runs `fire` once after `delayMs`; returns a cancel. The timer never keeps the process alive. */
  setTimer (delayMs: number, fire: () => void): () => void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer (delayMs, fire) {
    const timer = setTimeout(fire, delayMs)
    timer.unref()
    return () => clearTimeout(timer)
  }
}
