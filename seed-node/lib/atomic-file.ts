/** Writes a file so that a crash leaves either the old or the new content, never a mix. */
import { open, rename, mkdir } from 'node:fs/promises'
import path from 'node:path'

/** Mode of a new file: readable by others unless the caller says otherwise (secrets: 0o600). */
const DEFAULT_FILE_MODE = 0o644

export async function writeFileAtomic (filePath: string, data: string | Uint8Array, mode = DEFAULT_FILE_MODE): Promise<void> {
  await mkdir(path.dirname(filePath), { recursive: true })
  const temp = `${filePath}.${process.pid}.tmp`
  // The mode is set before a byte is written, so a secret is never readable by others, even briefly.
  const handle = await open(temp, 'w', mode)
  await handle.chmod(mode) // `open` applies the mode only to a file it creates (a stale temp may exist)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temp, filePath)
  const dir = await open(path.dirname(filePath), 'r')
  try { await dir.sync() } finally { await dir.close() }
}
