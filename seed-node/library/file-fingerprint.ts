/** What tells us a file is unchanged since we hashed it, without reading it. */
import type { Stats } from 'node:fs'

export interface FileFingerprint {
  sizeBytes: number
  /** Modification time in whole milliseconds. */
  mtimeMs: number
  inode: number
}

export function fingerprintOf (stats: Stats): FileFingerprint {
  return { sizeBytes: stats.size, mtimeMs: Math.trunc(stats.mtimeMs), inode: stats.ino }
}

export function sameFingerprint (a: FileFingerprint, b: FileFingerprint): boolean {
  return a.sizeBytes === b.sizeBytes && a.mtimeMs === b.mtimeMs && a.inode === b.inode
}
