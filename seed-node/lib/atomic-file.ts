/** Writes a file so that a crash leaves either the old or the new content, never a mix. */
import { open, rename, mkdir } from 'node:fs/promises'
import path from 'node:path'

export async function writeFileAtomic (filePath: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(filePath), { recursive: true })
  const temp = `${filePath}.${process.pid}.tmp`
  const handle = await open(temp, 'w')
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
