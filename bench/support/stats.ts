/** Summary statistics and a seeded random source, so every run does the same things. */

export function sorted (values: readonly number[]): number[] {
  return [...values].filter(Number.isFinite).sort((a, b) => a - b)
}

/** The value at quantile `q` (0..1), nearest rank; NaN for no values. */
export function quantile (values: readonly number[], q: number): number {
  const s = sorted(values)
  if (s.length === 0) return NaN
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!
}

export const median = (values: readonly number[]): number => {
  const s = sorted(values)
  if (s.length === 0) return NaN
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

export const p95 = (values: readonly number[]): number => quantile(values, 0.95)
export const p99 = (values: readonly number[]): number => quantile(values, 0.99)

/** "123 (110–140)": median and min–max, rounded to `digits`. */
export function medianRange (values: readonly number[], digits = 0): string {
  const s = sorted(values)
  if (s.length === 0) return 'n/a'
  const f = (v: number): string => v.toFixed(digits)
  return s.length === 1 ? f(s[0]!) : `${f(median(s))} (${f(s[0]!)}–${f(s[s.length - 1]!)})`
}

/** `ours / theirs` as "1.23×", or "n/a". */
export function ratio (ours: number, theirs: number): string {
  if (!Number.isFinite(ours) || !Number.isFinite(theirs) || theirs === 0) return 'n/a'
  return `${(ours / theirs).toFixed(2)}×`
}

export { seededRandom } from '../../tracker/testing/seeded-random.ts'

export const MB = 1e6
export const mbPerSec = (bytes: number, ms: number): number => ms > 0 ? bytes / MB / (ms / 1000) : NaN
