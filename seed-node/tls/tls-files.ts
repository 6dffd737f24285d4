/**
 * The household CA's files in the state folder: `<state>/tls/`, mode 0700, private keys 0600
 * (readable by the seed node's user alone, as ssh keeps its keys). Written atomically, so a
 * crash leaves the old file or the new one.
 */
import { chmod, mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { writeFileAtomic } from '../lib/atomic-file.ts'
import { errnoCode } from '../lib/errors.ts'

const PRIVATE_FOLDER_MODE = 0o700
const PRIVATE_FILE_MODE = 0o600
const PUBLIC_FILE_MODE = 0o644

export interface TlsPaths {
  dir: string
  caKey: string
  caCert: string
  serverKey: string
  serverCert: string
}

export function tlsPaths (stateDir: string): TlsPaths {
  const dir = path.join(stateDir, 'tls')
  return {
    dir,
    caKey: path.join(dir, 'household-ca.key'),
    caCert: path.join(dir, 'household-ca.crt'),
    serverKey: path.join(dir, 'server.key'),
    serverCert: path.join(dir, 'server.crt')
  }
}

export async function ensurePrivateFolder (dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE })
  // mkdir's mode is masked by the umask and ignored for an existing folder: set it outright.
  await chmod(dir, PRIVATE_FOLDER_MODE)
}

/** Writes a private key readable by this user alone (its 0700 folder already hides it while it is written). */
export async function writePrivateFile (file: string, text: string): Promise<void> {
  await writeFileAtomic(file, text)
  await chmod(file, PRIVATE_FILE_MODE)
}

export async function writePublicFile (file: string, text: string): Promise<void> {
  await writeFileAtomic(file, text)
  await chmod(file, PUBLIC_FILE_MODE)
}

/** A file's text, or null when it does not exist (any other failure is thrown). */
export async function readIfPresent (file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8')
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null
    throw err
  }
}
