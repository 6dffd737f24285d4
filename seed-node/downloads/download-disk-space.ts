/** Free space on the disk a download writes to, and the check made before one starts. */
import { statfs } from 'node:fs/promises'
import { ApiError } from '../../protocol/api/api-error.ts'

/** Kept free beyond a download's remaining bytes (file system metadata, other writers). */
export const DISK_MARGIN_BYTES = 64 * 1024 * 1024

/** Bytes an unprivileged process may still write on the file system holding `dir`. */
export type FreeSpaceProbe = (dir: string) => Promise<number>

export const statfsFreeBytes: FreeSpaceProbe = async dir => {
  const stats = await statfs(dir)
  return stats.bavail * stats.bsize
}

function mebibytes (bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
}

/** Throws HEARTH_E_DISK_FULL unless `remainingBytes` plus the margin fit on the disk. */
export async function checkFreeSpace (probe: FreeSpaceProbe, dir: string, remainingBytes: number): Promise<void> {
  const free = await probe(dir)
  const needed = remainingBytes + DISK_MARGIN_BYTES
  if (free < needed) {
    throw new ApiError('HEARTH_E_DISK_FULL', `not enough free space in ${dir}: the download needs ${mebibytes(remainingBytes)} more (plus ${mebibytes(DISK_MARGIN_BYTES)} kept free), the disk has ${mebibytes(free)}`)
  }
}
