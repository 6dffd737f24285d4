/**
 * A download never overwrites: the names a torrent would write at the top of
 * `<library>/Downloads` must not exist yet. A .torrent's names are claimed when it is added
 * (download-queue.ts); a magnet's are known only when its metadata arrives, so they are
 * claimed then, synchronously, inside WebTorrent's `metadata` event: before its store opens,
 * verifies or writes a byte. Data the queue set aside (`<name>.part`) when an unfinished
 * download was removed is brought back instead, so adding the same torrent again continues it.
 */
import { lstatSync, renameSync } from 'node:fs'
import path from 'node:path'
import { ApiError } from '../../protocol/api/api-error.ts'
import type { Logger } from '../lib/log.ts'
import { errnoCode } from '../lib/errors.ts'
import { DOWNLOADS_FOLDER, SET_ASIDE_SUFFIX } from './download-files.ts'
import { confinePath } from './safe-download-path.ts'

/** Whether anything (file, folder, dangling symlink) sits at `target`. */
function existsSync (target: string): boolean {
  try {
    lstatSync(target)
    return true
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return false
    throw err
  }
}

/** The first component under `downloadsDir` of a confined absolute path. */
export function topLevelName (downloadsDir: string, confined: string): string {
  return path.relative(path.resolve(downloadsDir), confined).split(path.sep)[0] ?? ''
}

/**
 * Claims `names` (top-level names in Downloads) or throws HEARTH_E_DOWNLOAD_EXISTS naming the
 * first that exists. Set-aside data of the same name is renamed back first.
 */
export function claimNamesOnDisk (downloadsDir: string, names: readonly string[], infoHash: string, log: Logger): void {
  for (const name of new Set(names)) {
    const live = confinePath(downloadsDir, [name])
    const aside = confinePath(downloadsDir, [name + SET_ASIDE_SUFFIX])
    if (existsSync(live)) {
      throw new ApiError('HEARTH_E_DOWNLOAD_EXISTS', `${DOWNLOADS_FOLDER}/${name} already exists and a download never overwrites; move it away or remove it, then resume`)
    }
    if (existsSync(aside)) {
      renameSync(aside, live)
      log.info('download.data_restored', { infoHash, name })
    }
  }
}
