/**
 * The state folder holds the household's secrets (the library key, the share secret) and
 * what each person watched, so it is the owner's alone: the folder is 0700 and the files
 * with secrets 0600 (OBS's stream keys too), and no other file in it carries the household credential (stored
 * torrents are kept without trackers: library/torrent-announce-strip.ts).
 *
 * `secureStateFolder` runs on every start, before the key is read or made. It tightens the
 * modes of a folder made by an older version (or by a umask), and once per folder (the
 * `state-format` file says it was done) rewrites stored torrents that still name the seed
 * node's credential-bearing announce URLs. What it changed is logged on one line.
 */
import { chmod, readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { writeFileAtomic } from '../lib/atomic-file.ts'
import { errnoCode } from '../lib/errors.ts'
import type { Logger } from '../lib/log.ts'
import { DOWNLOAD_TORRENTS_FOLDER } from '../downloads/download-record.ts'
import { TORRENTS_FOLDER } from '../library/fingerprint-cache.ts'
import { BencodeError, withoutAnnounce } from '../library/torrent-announce-strip.ts'
import { SHARE_SECRET_FILE } from './household-access.ts'
import { DEVICE_ID_FILE, KEY_FILE, SECRET_FILE_MODE } from './library-key-file.ts'
import { PUSH_KEYS_FILE } from '../live/push/push-keys.ts'

/** Owner only: read, write, enter. */
export const STATE_DIR_MODE = 0o700
/** Files kept at 0600 (the watch-state log is made so by watch-state-log.ts). */
export const PRIVATE_FILES = [KEY_FILE, SHARE_SECRET_FILE, DEVICE_ID_FILE, 'watch-state.log', PUSH_KEYS_FILE] as const
const FORMAT_FILE = 'state-format'
/** Format 2: stored torrents carry no trackers. Folders without the file are format 1. */
const CURRENT_FORMAT = 2
const PERMISSION_BITS = 0o777
const GROUP_AND_OTHER_BITS = 0o077

export interface StateFolderChanges {
  /** The folder's mode before (octal text), when it was tightened. */
  folderModeWas: string | null
  filesTightened: number
  torrentsRewritten: number
}

async function modeOf (target: string): Promise<number | null> {
  try {
    return (await stat(target)).mode & PERMISSION_BITS
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null
    throw err
  }
}

async function readFormat (stateDir: string): Promise<number> {
  try {
    const format = Number((await readFile(path.join(stateDir, FORMAT_FILE), 'utf8')).trim())
    return Number.isInteger(format) ? format : 1
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return 1
    throw err
  }
}

/** Rewrites the torrents in `folder` that name trackers; returns how many. Unreadable ones are left to their loader. */
async function stripStoredTorrents (folder: string, log: Logger): Promise<number> {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return 0
    throw err
  }
  let rewritten = 0
  for (const name of names.filter(entry => entry.endsWith('.torrent'))) {
    const file = path.join(folder, name)
    const bytes = new Uint8Array(await readFile(file))
    try {
      const stripped = withoutAnnounce(bytes)
      if (stripped === bytes) continue
      await writeFileAtomic(file, stripped)
      rewritten++
    } catch (err) {
      if (!(err instanceof BencodeError)) throw err
      log.warn('state.torrent_unreadable', { file, error: err.message })
    }
  }
  return rewritten
}

/** Tightens modes and migrates stored torrents (see above); logs `state.secured` when anything changed. */
export async function secureStateFolder (stateDir: string, log: Logger): Promise<StateFolderChanges> {
  const changes: StateFolderChanges = { folderModeWas: null, filesTightened: 0, torrentsRewritten: 0 }
  const folderMode = await modeOf(stateDir)
  if (folderMode !== null && folderMode !== STATE_DIR_MODE) {
    await chmod(stateDir, STATE_DIR_MODE)
    changes.folderModeWas = folderMode.toString(8).padStart(4, '0')
  }
  for (const name of PRIVATE_FILES) {
    const mode = await modeOf(path.join(stateDir, name))
    if (mode === null || (mode & GROUP_AND_OTHER_BITS) === 0) continue
    await chmod(path.join(stateDir, name), SECRET_FILE_MODE)
    changes.filesTightened++
  }
  if (await readFormat(stateDir) < CURRENT_FORMAT) {
    for (const folder of [TORRENTS_FOLDER, DOWNLOAD_TORRENTS_FOLDER]) changes.torrentsRewritten += await stripStoredTorrents(path.join(stateDir, folder), log)
    await writeFileAtomic(path.join(stateDir, FORMAT_FILE), `${CURRENT_FORMAT}\n`)
  }
  // A folder just made for a new household (no key yet) changed nothing anyone relied on.
  const existing = await modeOf(path.join(stateDir, KEY_FILE)) !== null
  if (existing && (changes.folderModeWas !== null || changes.filesTightened > 0 || changes.torrentsRewritten > 0)) {
    log.info('state.secured', { state: stateDir, folderModeWas: changes.folderModeWas, folderMode: '0700', filesTightened: changes.filesTightened, torrentsRewritten: changes.torrentsRewritten, note: 'state folder made private to its owner; stored torrents no longer carry the credential' })
  }
  return changes
}
