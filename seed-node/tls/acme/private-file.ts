/**
 * Secrets on disk (the ACME account key, the certificate's private key, the DNS provider
 * token): files of mode 0600 in a folder of mode 0700, written so that a crash leaves the old
 * or the new content, never a mix, and never a moment where the secret is world-readable.
 */
import { chmod, mkdir, open, rename, rm } from 'node:fs/promises'
import path from 'node:path'

export const PRIVATE_FILE_MODE = 0o600
export const PRIVATE_FOLDER_MODE = 0o700

/** Creates the folder (and parents) and makes it 0700, also when it already existed. */
export async function ensurePrivateFolder (folder: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE })
  await chmod(folder, PRIVATE_FOLDER_MODE)
}

export async function writePrivateFile (filePath: string, data: string): Promise<void> {
  const temp = `${filePath}.${process.pid}.tmp`
  // Created 0600 from the first byte: a later chmod would leave a window.
  const handle = await open(temp, 'w', PRIVATE_FILE_MODE)
  try {
    await handle.chmod(PRIVATE_FILE_MODE) // an old temp file of another mode is reused by 'w'
    await handle.writeFile(data)
    await handle.sync()
  } catch (err) {
    await handle.close()
    await rm(temp, { force: true })
    throw err
  }
  await handle.close()
  await rename(temp, filePath)
  const dir = await open(path.dirname(filePath), 'r')
  try { await dir.sync() } finally { await dir.close() }
}
