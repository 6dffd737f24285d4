/**
 * The editions folder in the state folder: `<state>/editions/<itemId>/<key>/` holds one
 * edition (playlist, init segment, media segments, and a `complete` marker once ffmpeg
 * finished). Bounded by `--editions-max-gb`: the least recently used complete editions are
 * removed first; the one being made or played is never removed. Unfinished folders left by a
 * crash are removed at start.
 */
import { mkdir, readdir, rm, stat, utimes } from 'node:fs/promises'
import path from 'node:path'
import { COMPLETE_MARKER } from './edition-job.ts'

export interface CachedEdition {
  dir: string
  sizeBytes: number
  /** mtime of the `complete` marker: touched whenever the edition is played. */
  lastUsedMs: number
  complete: boolean
}

async function folderSize (dir: string): Promise<number> {
  let total = 0
  for (const name of await readdir(dir).catch(() => [])) {
    const info = await stat(path.join(dir, name)).catch(() => null)
    if (info?.isFile() === true) total += info.size
  }
  return total
}

export async function listEditions (root: string): Promise<CachedEdition[]> {
  await mkdir(root, { recursive: true, mode: 0o700 })
  const found: CachedEdition[] = []
  for (const itemId of await readdir(root)) {
    for (const key of await readdir(path.join(root, itemId)).catch(() => [])) {
      const dir = path.join(root, itemId, key)
      const marker = await stat(path.join(dir, COMPLETE_MARKER)).catch(() => null)
      found.push({ dir, sizeBytes: await folderSize(dir), lastUsedMs: marker?.mtimeMs ?? 0, complete: marker !== null })
    }
  }
  return found
}

/** Removes what a crash or a stopped job left unfinished (`keep`: folders of running jobs). */
export async function removeUnfinished (root: string, keep: ReadonlySet<string>): Promise<number> {
  let removed = 0
  for (const edition of await listEditions(root)) {
    if (edition.complete || keep.has(edition.dir)) continue
    await rm(edition.dir, { recursive: true, force: true })
    removed++
  }
  return removed
}

/** Removes least recently used complete editions until the folder fits `maxBytes`; returns the removed folders. */
export async function evictEditions (root: string, maxBytes: number, busy: ReadonlySet<string>): Promise<string[]> {
  const editions = await listEditions(root)
  let total = editions.reduce((sum, edition) => sum + edition.sizeBytes, 0)
  const removed: string[] = []
  const candidates = editions.filter(edition => edition.complete && !busy.has(edition.dir)).sort((a, b) => a.lastUsedMs - b.lastUsedMs)
  for (const edition of candidates) {
    if (total <= maxBytes) break
    await rm(edition.dir, { recursive: true, force: true })
    total -= edition.sizeBytes
    removed.push(edition.dir)
  }
  return removed
}

export async function isCompleteEdition (dir: string): Promise<boolean> {
  return await stat(path.join(dir, COMPLETE_MARKER)).then(() => true, () => false)
}

/** Marks a complete edition as just used (its LRU stamp). */
export async function touchEdition (dir: string): Promise<void> {
  const now = new Date()
  await utimes(path.join(dir, COMPLETE_MARKER), now, now).catch(() => undefined)
}
