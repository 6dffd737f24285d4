/**
 * Time left of a transfer, in words a glance can take: `less than a minute`, `12 min`,
 * `1 h 20 min`, `3 days 4 h`; `–` when unknown (no speed yet, size unknown, or done).
 */
const SEC_PER_MIN = 60
const SEC_PER_HOUR = 60 * 60
const SEC_PER_DAY = 24 * 60 * 60
/** Past this an estimate means nothing (a trickle of bytes): say so instead of a number. */
const MAX_SHOWN_SEC = 100 * SEC_PER_DAY

export function formatEta (seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '–'
  if (seconds >= MAX_SHOWN_SEC) return 'more than 100 days'
  if (seconds < SEC_PER_MIN) return 'less than a minute'
  if (seconds < SEC_PER_HOUR) return `${Math.ceil(seconds / SEC_PER_MIN)} min`
  if (seconds < SEC_PER_DAY) {
    const hours = Math.floor(seconds / SEC_PER_HOUR)
    const minutes = Math.ceil((seconds - hours * SEC_PER_HOUR) / SEC_PER_MIN)
    // 1 h 59 min 30 s rounds up to 2 h, not "1 h 60 min".
    return minutes === 60 ? `${hours + 1} h` : minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`
  }
  const days = Math.floor(seconds / SEC_PER_DAY)
  const hours = Math.ceil((seconds - days * SEC_PER_DAY) / SEC_PER_HOUR)
  const dayText = (n: number): string => n === 1 ? '1 day' : `${n} days`
  return hours === 24 ? dayText(days + 1) : hours === 0 ? dayText(days) : `${dayText(days)} ${hours} h`
}
