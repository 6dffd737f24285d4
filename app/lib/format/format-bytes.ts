/** Decimal (SI) units, as file managers and disk labels show them. */
const BYTES_PER_KB = 1000
const BYTES_PER_MB = 1000 * 1000
const BYTES_PER_GB = 1000 * 1000 * 1000

/** A file size for the library grid: `742 MB`, `1.4 GB`, `12 KB`. */
export function formatBytes (bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–'
  if (bytes >= BYTES_PER_GB) return `${trim(bytes / BYTES_PER_GB)} GB`
  if (bytes >= BYTES_PER_MB) return `${trim(bytes / BYTES_PER_MB)} MB`
  if (bytes >= BYTES_PER_KB) return `${trim(bytes / BYTES_PER_KB)} KB`
  return `${Math.round(bytes)} B`
}

/** A transfer rate for the stats bar: `0 B/s`, `850 KB/s`, `12.3 MB/s`. */
export function formatSpeed (bytesPerSecond: number): string {
  return `${formatBytes(Math.max(0, bytesPerSecond))}/s`
}

/** One decimal below 10, none above: `1.4`, `12`, `742`. */
function trim (value: number): string {
  return value < 10 ? value.toFixed(1).replace(/\.0$/, '') : String(Math.round(value))
}
