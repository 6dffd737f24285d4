/**
 * `--live-record "Name=24h"`: which channels keep their last hours as files, parsed once
 * at start (pure). A duration is whole hours (`24h`) or minutes (`90m`), from 1 minute to a
 * week. Files are cut every RECORD_FILE_MAX_MS (10 minutes), shorter for short windows (a
 * twelfth of the window, at least 5 s), so the window is kept to within one file.
 */
export const MIN_KEEP_MS = 60 * 1000
export const MAX_KEEP_MS = 7 * 24 * 60 * 60 * 1000
export const RECORD_FILE_MAX_MS = 10 * 60 * 1000
const RECORD_FILE_MIN_MS = 5 * 1000
const FILES_PER_WINDOW = 12

export interface RecordSpec {
  /** The channel's name, as in `--live` (compared without regard to case). */
  name: string
  keepMs: number
}

/** `24h` or `90m` in milliseconds, or a message. */
export function parseKeepDuration (text: string): number | string {
  const match = /^(\d{1,6})\s*([hm])$/i.exec(text.trim())
  if (match === null) return `must be hours or minutes ("24h", "90m"), got "${text}"`
  const ms = Number(match[1]) * (match[2]!.toLowerCase() === 'h' ? 60 * 60 * 1000 : 60 * 1000)
  if (ms < MIN_KEEP_MS || ms > MAX_KEEP_MS) return `keeps 1m to ${MAX_KEEP_MS / 3_600_000}h, got "${text}"`
  return ms
}

/** Every `--live-record` value, or the first message about a malformed one. */
export function parseRecordSpecs (values: readonly string[]): RecordSpec[] | string {
  const specs: RecordSpec[] = []
  for (const value of values) {
    const at = value.lastIndexOf('=')
    if (at <= 0) return `must be "Name=24h" (a --live channel and how long to keep), got "${value}"`
    const name = value.slice(0, at).trim()
    const keepMs = parseKeepDuration(value.slice(at + 1))
    if (typeof keepMs === 'string') return `"${name}" ${keepMs}`
    if (specs.some(spec => spec.name.toLowerCase() === name.toLowerCase())) return `names "${name}" twice`
    specs.push({ name, keepMs })
  }
  return specs
}

/** How long one recording file runs before the next is started. */
export function rotationMs (keepMs: number): number {
  return Math.min(RECORD_FILE_MAX_MS, Math.max(RECORD_FILE_MIN_MS, Math.floor(keepMs / FILES_PER_WINDOW)))
}

/** The most finished files a channel's folder holds: the window's worth, the one the pruning is about to remove, and restarts within the window cut more. */
export function recordFileBound (keepMs: number, restartsInWindow = 0): number {
  return Math.ceil(keepMs / rotationMs(keepMs)) + 1 + restartsInWindow
}

/** A file name for a recording that starts at `date` (local time, sortable; no characters a file system refuses). */
export function recordFileBase (date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}.${two(date.getMinutes())}.${two(date.getSeconds())}`
}

/** A channel name as a folder name: no separators or characters Windows shares refuse, no leading dot. */
export function recordFolderName (channel: string): string {
  const safe = channel.replace(/[/\\:*?"<>|]/g, '_').replace(/^\.+/, '_').trim()
  return safe === '' ? '_' : safe
}

/** The media segments a ring playlist names, in order, with their sequence numbers, and its init segment. */
export function ringPlaylistEntries (playlist: string): { init: string | null, segments: Array<{ name: string, sequence: number }> } {
  const init = /#EXT-X-MAP:URI="([^"]+)"/.exec(playlist)?.[1] ?? null
  const segments = playlist.split('\n').map(line => line.trim()).filter(line => line !== '' && !line.startsWith('#'))
    .map(name => ({ name, sequence: Number(/-(\d+)\.m4s$/.exec(name)?.[1] ?? NaN) }))
    .filter(segment => Number.isFinite(segment.sequence))
  return { init, segments }
}
