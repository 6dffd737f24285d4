import { formatDuration } from './format-duration.ts'

/** `12:03 left`, `1:02:03 left`; null when the duration is unknown. Rounds the remainder up, so "0:00 left" means done. */
export function formatTimeLeft (positionSec: number, durationSec: number | null): string | null {
  if (durationSec === null || !Number.isFinite(durationSec) || durationSec <= 0 || !Number.isFinite(positionSec)) return null
  return `${formatDuration(Math.ceil(Math.max(0, durationSec - positionSec)))} left`
}
