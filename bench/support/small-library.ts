/**
 * A generated library of many small files (seeded random bytes named `.mp4`, which the
 * seed node's probe reads as "unknown container" without failing), cached under the OS
 * temp dir and reused. 100 files per folder, as a series-heavy library would have.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { seededRandom } from './stats.ts'

export const SMALL_FILE_BYTES = 16 * 1024
const PER_FOLDER = 100

export interface SmallLibrary { library: string, files: string[], totalBytes: number }

export async function smallLibrary (count: number): Promise<SmallLibrary> {
  const library = path.join(os.tmpdir(), `hearth-bench-small-v1-${count}`)
  const files: string[] = []
  for (let i = 0; i < count; i++) {
    files.push(path.join(library, 'Series', `Show ${String(Math.floor(i / PER_FOLDER)).padStart(3, '0')}`, `Show S01E${String(i % PER_FOLDER).padStart(3, '0')} ${i}.mp4`))
  }
  const done = path.join(library, '.complete')
  if (await stat(done).then(() => false, () => true)) {
    const rng = seededRandom(8000 + count)
    for (const [i, file] of files.entries()) {
      if (i % PER_FOLDER === 0) await mkdir(path.dirname(file), { recursive: true })
      const bytes = Buffer.alloc(SMALL_FILE_BYTES)
      for (let b = 0; b < bytes.length; b += 4) bytes.writeUInt32LE(Math.floor(rng() * 2 ** 32), b)
      await writeFile(file, bytes)
    }
    await writeFile(done, '')
  }
  return { library, files, totalBytes: count * SMALL_FILE_BYTES }
}
