/**
 * How long the supervisor waits before starting a channel's ffmpeg again: doubling from
 * `firstMs` with each failure in a row, up to `maxMs`, with ±20 % jitter so channels on one
 * flaky network do not retry in step. A run that stayed online for `healthyMs` resets the count.
 */
export const RESTART_BACKOFF = {
  firstMs: 2 * 1000,
  maxMs: 60 * 1000,
  healthyMs: 30 * 1000,
  jitter: 0.2
} as const

/** The delay before restart number `failures` (1 = the first restart after a failure); `random` in [0, 1). */
export function restartDelayMs (failures: number, random: number, backoff = RESTART_BACKOFF): number {
  const base = Math.min(backoff.maxMs, backoff.firstMs * 2 ** Math.max(0, failures - 1))
  return Math.round(base * (1 + backoff.jitter * (2 * random - 1)))
}
