/**
 * The library watcher holds one watch per folder (never one per file), follows the folders
 * each scan lists, and a change in any watched folder, including one that appeared since the
 * last scan, leads to a rescan. Real folders, real fs.watch, the real scanner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { watchLibrary, type LibraryWatcher } from '../library-watcher.ts'
import { scanLibrary } from '../library-scanner.ts'
import { silentLogger } from '../../lib/log.ts'

let root: string

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'hearth-watcher-'))
  for (const show of ['Show A', 'Show B']) {
    await mkdir(path.join(root, show), { recursive: true })
    for (let n = 0; n < 20; n++) await writeFile(path.join(root, show, `${show} S01E${String(n).padStart(2, '0')}.mp4`), 'x')
  }
})

afterAll(async () => { await rm(root, { recursive: true, force: true }) })

describe('watchLibrary', () => {
  it('watches each folder once, and rescans on a change in any of them, new ones included', { timeout: 30 * 1000 }, async () => {
    let rescans = 0
    let rescanned: (() => void) | null = null
    const nextRescan = async (): Promise<void> => await new Promise(resolve => { rescanned = resolve })
    const rescan = async (): Promise<string[]> => {
      const { folders } = await scanLibrary(root, { log: silentLogger })
      rescans++
      // After the watcher has synced to these folders (a then() on this result).
      const resolve = rescanned
      setImmediate(() => resolve?.())
      return folders
    }
    const watcher: LibraryWatcher = watchLibrary(root, 3600, rescan, silentLogger)
    try {
      watcher.sync((await scanLibrary(root, { log: silentLogger })).folders)
      expect(watcher.watched).toBe(3) // the root and two folders, for 40 files

      let next = nextRescan()
      await writeFile(path.join(root, 'Show B', 'Show B S01E99.mp4'), 'new')
      await next
      expect(rescans).toBe(1)

      // A new folder: its parent's watch sees it, the rescan lists it, and it is watched.
      next = nextRescan()
      await mkdir(path.join(root, 'Show C'))
      await next
      expect(watcher.watched).toBe(4)
      next = nextRescan()
      await writeFile(path.join(root, 'Show C', 'Show C S01E01.mp4'), 'new')
      await next
      expect(rescans).toBe(3)

      // A folder removed: its watch ends at the next scan.
      next = nextRescan()
      await rm(path.join(root, 'Show A'), { recursive: true })
      await next
      expect(watcher.watched).toBe(3)
    } finally {
      watcher.stop()
    }
    expect(watcher.watched).toBe(0)
  })
})
