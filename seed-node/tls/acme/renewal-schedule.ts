/**
 * When to renew, and how long to wait after a failed try. Pure: the certificate source asks
 * these with the clock's `now` and arms one timer with the answer.
 *
 * Renewal starts when a third of the lifetime is left (Let's Encrypt's advice: day 60 of 90),
 * which leaves a month of retries before a 90-day certificate expires.
 */

/** Fraction of the lifetime still left when renewal is due. */
export const RENEW_WHEN_LEFT_FRACTION = 1 / 3
/**
 * Longest single timer. setTimeout overflows past 2^31 - 1 ms (24.8 days), and a machine that
 * slept keeps old timers running late: re-checking twice a day bounds both.
 */
export const MAX_TIMER_MS = 12 * 60 * 60 * 1000
/** First wait after a failed renewal; doubled at each further failure up to the cap. */
export const RETRY_FIRST_MS = 60 * 1000
export const RETRY_MAX_MS = 6 * 60 * 60 * 1000

export interface Validity {
  validFrom: Date
  validTo: Date
}

/** The moment renewal is due (ms since the epoch). */
export function renewalDueAtMs ({ validFrom, validTo }: Validity): number {
  const lifetimeMs = Math.max(0, validTo.getTime() - validFrom.getTime())
  return validTo.getTime() - lifetimeMs * RENEW_WHEN_LEFT_FRACTION
}

/** How long to wait before looking again at a certificate that is fine: never past due, never over the timer cap. */
export function checkDelayMs (nowMs: number, dueAtMs: number): number {
  return Math.min(MAX_TIMER_MS, Math.max(0, dueAtMs - nowMs))
}

/** Back-off after `failures` failed renewals in a row (1 = the first failure). */
export function retryDelayMs (failures: number): number {
  const doublings = Math.min(Math.max(0, failures - 1), 30)
  return Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** doublings)
}
