/**
 * Stream keys of the channels OBS pushes to (`--live "Studio=rtmp-push"`): a secret per
 * channel, made on first start and kept in `<state>/live-push-keys.json` (mode 0600, like
 * the household's other secrets), so OBS keeps working across restarts. A key is 32
 * base64url characters (192 random bits): not guessable, and what OBS's "Stream key" field
 * takes as is. Deleting the file makes new keys at the next start.
 */
import { randomBytes, createHash, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { SECRET_FILE_MODE } from '../../access/library-key-file.ts'
import { writeFileAtomic } from '../../lib/atomic-file.ts'
import { HearthError } from '../../lib/errors.ts'

export const PUSH_KEYS_FILE = 'live-push-keys.json'
const KEY_BYTES = 24
export const StreamKey = z.string().regex(/^[A-Za-z0-9_-]{32}$/)
const KeysFile = z.object({ version: z.literal(1), keys: z.record(z.string().regex(/^[0-9a-f]{40}$/), StreamKey) })

export function newStreamKey (): string {
  return randomBytes(KEY_BYTES).toString('base64url')
}

/** The key of every channel id given, made for the ones that have none yet (kept for channels no longer configured). */
export async function loadOrCreateStreamKeys (stateDir: string, channelIds: readonly string[]): Promise<Map<string, string>> {
  const file = path.join(stateDir, PUSH_KEYS_FILE)
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null
    throw err
  })
  let keys: Record<string, string> = {}
  if (text !== null) {
    let parsed: unknown
    try { parsed = JSON.parse(text) } catch { parsed = null }
    const checked = KeysFile.safeParse(parsed)
    if (!checked.success) throw new HearthError('HEARTH_E_BAD_OPTION', `${file} is not a stream key file: fix it or delete it (OBS then needs the new key printed at start)`)
    keys = checked.data.keys
  }
  const missing = channelIds.filter(id => keys[id] === undefined)
  if (missing.length > 0) {
    for (const id of missing) keys[id] = newStreamKey()
    await writeFileAtomic(file, JSON.stringify({ version: 1, keys }, null, 2) + '\n', SECRET_FILE_MODE)
  }
  return new Map(channelIds.map(id => [id, keys[id]!]))
}

/** Compares in constant time (a key's digest, so lengths never differ). */
export function sameKey (given: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest()
  return timingSafeEqual(digest(given), digest(expected))
}
