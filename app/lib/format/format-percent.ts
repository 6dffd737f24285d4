/** A 0..1 fraction as a whole percent (`42%`); one decimal under 10% so early progress shows. */
export function formatPercent (fraction: number): string {
  if (!Number.isFinite(fraction)) return '–'
  const percent = Math.min(100, Math.max(0, fraction * 100))
  return percent < 10 && percent > 0 ? `${percent.toFixed(1)}%` : `${Math.floor(percent)}%`
}
