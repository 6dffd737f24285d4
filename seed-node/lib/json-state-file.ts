/**
 * Reads a JSON file of the seed node's own state (an index, a queue) through its schema, at
 * the boundary. A missing file is no state yet; a file that is not JSON or not the schema is
 * moved aside as `<file>.corrupt-<ms>` (kept for a human, never read again) and logged, so a
 * torn or hand-edited file costs that state, not the start-up.
 */
import { readFile, rename } from 'node:fs/promises'
import type { z } from 'zod'
import { errnoCode } from './errors.ts'
import type { Logger } from './log.ts'

/** The parsed value, or null when the file is missing or was corrupt (then moved aside). */
export async function readJsonStateFile<T> (file: string, schema: z.ZodType<T>, log: Logger, corruptEvent: string): Promise<T | null> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null
    throw err
  }
  let parsed: z.ZodSafeParseResult<T> | null
  try {
    parsed = schema.safeParse(JSON.parse(text))
  } catch {
    parsed = null
  }
  if (parsed?.success === true) return parsed.data
  const aside = `${file}.corrupt-${Date.now()}`
  await rename(file, aside)
  log.warn(corruptEvent, { movedTo: aside, detail: parsed?.error.issues[0]?.message ?? 'not JSON' })
  return null
}
