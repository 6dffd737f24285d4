/**
 * Step 1 of the assembly (seed-node.ts): the library and state folders checked, and the
 * household opened from the state folder: its key (made on first start), the keys derived
 * from it, the credential paired devices present, and who may use the node.
 */
import { access, constants, mkdir, opendir } from 'node:fs/promises'
import path from 'node:path'
import { deriveKeys, type DerivedKeys } from '../protocol/library-key.ts'
import { HouseholdAccess } from './access/household-access.ts'
import { loadOrCreateDeviceId, loadOrCreateLibraryKey } from './access/library-key-file.ts'
import { secureStateFolder } from './access/state-folder-security.ts'
import { HearthError, errnoCode } from './lib/errors.ts'
import type { Logger } from './lib/log.ts'
import { isInsideOrSame } from './lib/path-inside.ts'

export interface Household {
  libraryKey: Uint8Array
  keys: DerivedKeys
  /** What paired devices present to the API, the web seed and the tracker. */
  credential: string
  access: HouseholdAccess
  deviceId: string
}

export async function checkLibrary (dir: string): Promise<void> {
  try {
    const handle = await opendir(dir)
    await handle.close()
  } catch (err) {
    const code = errnoCode(err)
    if (code === 'ENOENT') throw new HearthError('HEARTH_E_LIBRARY_MISSING', `library folder not found: ${dir}`)
    if (code === 'ENOTDIR') throw new HearthError('HEARTH_E_LIBRARY_MISSING', `library path is not a folder: ${dir}`)
    throw new HearthError('HEARTH_E_LIBRARY_UNREADABLE', `library folder cannot be read (${code ?? String(err)}): ${dir}`)
  }
}

export async function prepareState (stateDir: string, libraryDir: string): Promise<void> {
  if (isInsideOrSame(path.resolve(libraryDir), path.resolve(stateDir))) {
    throw new HearthError('HEARTH_E_BAD_OPTION', `state folder ${stateDir} is inside the library ${libraryDir}; the library is read-only to Hearth, choose another --state`)
  }
  try {
    await mkdir(stateDir, { recursive: true })
    await access(stateDir, constants.W_OK)
  } catch (err) {
    throw new HearthError('HEARTH_E_STATE_UNWRITABLE', `state folder cannot be written (${errnoCode(err) ?? String(err)}): ${stateDir}`)
  }
}

export async function openHousehold (stateDir: string, log: Logger): Promise<Household> {
  await secureStateFolder(stateDir, log)
  const { key: libraryKey, created } = await loadOrCreateLibraryKey(stateDir)
  if (created) log.info('household.key_created', { state: stateDir })
  const keys = await deriveKeys(libraryKey)
  const credential = keys.credential
  const access = await HouseholdAccess.open(stateDir, credential)
  return { libraryKey, keys, credential, access, deviceId: await loadOrCreateDeviceId(stateDir) }
}
