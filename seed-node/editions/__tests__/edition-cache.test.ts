/** The editions folder on a real disk: LRU eviction to the bound, unfinished folders removed, busy ones kept. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { evictEditions, isCompleteEdition, listEditions, removeUnfinished } from '../edition-cache.ts'
import { COMPLETE_MARKER } from '../edition-job.ts'

const KIB = 1024
let root: string

async function edition (itemId: string, key: string, sizeKiB: number, lastUsedSec: number | null): Promise<string> {
  const dir = path.join(root, itemId, key)
  await mkdir(dir, { recursive: true })
  await writeFile(path.join(dir, 'seg-00000.m4s'), Buffer.alloc(sizeKiB * KIB))
  if (lastUsedSec !== null) {
    await writeFile(path.join(dir, COMPLETE_MARKER), '')
    await utimes(path.join(dir, COMPLETE_MARKER), lastUsedSec, lastUsedSec)
  }
  return dir
}

beforeEach(async () => { root = await mkdtemp(path.join(os.tmpdir(), 'hearth-editions-')) })
afterEach(async () => { await rm(root, { recursive: true, force: true }) })

describe('edition cache', () => {
  it('removes the least recently used complete editions until the folder fits, never a busy one', async () => {
    const oldest = await edition('a'.repeat(40), 'a0-copy', 100, 1_000)
    const busy = await edition('b'.repeat(40), 'a0-copy', 100, 2_000)
    const newer = await edition('c'.repeat(40), 'a0-copy', 100, 3_000)
    const newest = await edition('c'.repeat(40), 'a1-copy', 100, 4_000)
    const removed = await evictEditions(root, 250 * KIB, new Set([busy]))
    expect(removed).toEqual([oldest, newer])
    expect((await listEditions(root)).map(found => found.dir).sort()).toEqual([busy, newest].sort())
  })

  it('keeps everything that fits', async () => {
    await edition('a'.repeat(40), 'a0-copy', 10, 1_000)
    expect(await evictEditions(root, 1024 * KIB, new Set())).toEqual([])
  })

  it('removes unfinished folders left by a crash, but not a running job\'s', async () => {
    const crashed = await edition('a'.repeat(40), 'a0-copy', 10, null)
    const running = await edition('b'.repeat(40), 'a0-copy', 10, null)
    const complete = await edition('c'.repeat(40), 'a0-copy', 10, 1_000)
    expect(await removeUnfinished(root, new Set([running]))).toBe(1)
    expect(await readdir(path.join(root, 'a'.repeat(40)))).toEqual([])
    expect(await isCompleteEdition(complete)).toBe(true)
    expect(await isCompleteEdition(running)).toBe(false)
    expect(await isCompleteEdition(crashed)).toBe(false)
  })
})
