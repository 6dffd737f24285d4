/**
 * The household's library key and the seed node's device id, kept in the state folder.
 * The key is made once, on first start (32 random bytes), written with mode 0600 (created so:
 * never readable by others, even briefly), and
 * never leaves this machine except inside pairing links.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { encodeLibraryKey, generateLibraryKey, parseLibraryKey } from '../../protocol/library-key.ts'
import { encodeBase64url } from '../../protocol/base64url.ts'
import { writeFileAtomic } from '../lib/atomic-file.ts'
import { errnoCode, HearthError } from '../lib/errors.ts'

/** The household's key: whoever reads it joins the household. */
export const KEY_FILE = 'library-key'
/** Not a secret, but nobody else's business either. */
export const DEVICE_ID_FILE = 'device-id'
/** Owner read/write only. */
export const SECRET_FILE_MODE = 0o600

async function readOptional (filePath: string): Promise<string | null> {
  try {
    return (await readFile(filePath, 'utf8')).trim()
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null
    throw err
  }
}

/** The household's key from the state folder, or null when there is no household yet (never makes one). */
export async function readLibraryKey (stateDir: string): Promise<Uint8Array | null> {
  const filePath = path.join(stateDir, KEY_FILE)
  const text = await readOptional(filePath)
  if (text === null) return null
  try {
    return parseLibraryKey(text)
  } catch (err) {
    // Never silently replace a household's key: every paired device would be locked out.
    throw new HearthError('HEARTH_E_BAD_OPTION', `${filePath} does not hold a valid library key (${err instanceof Error ? err.message : String(err)}); restore it from a backup or delete it to make a new household`)
  }
}

export async function loadOrCreateLibraryKey (stateDir: string): Promise<{ key: Uint8Array, created: boolean }> {
  const existing = await readLibraryKey(stateDir)
  if (existing !== null) return { key: existing, created: false }
  const filePath = path.join(stateDir, KEY_FILE)
  const key = generateLibraryKey()
  await writeFileAtomic(filePath, encodeLibraryKey(key) + '\n', SECRET_FILE_MODE)
  return { key, created: true }
}

export async function loadOrCreateDeviceId (stateDir: string): Promise<string> {
  const filePath = path.join(stateDir, DEVICE_ID_FILE)
  const text = await readOptional(filePath)
  if (text !== null && /^[A-Za-z0-9_-]{8,64}$/.test(text)) return text
  const deviceId = `seed-${encodeBase64url(crypto.getRandomValues(new Uint8Array(12)))}`
  await writeFileAtomic(filePath, deviceId + '\n', SECRET_FILE_MODE)
  return deviceId
}
