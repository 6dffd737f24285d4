/**
 * The registry keeps the object it holds when a rescan puts an item that is as it was: the
 * seeder holds that same object for a dormant item (torrent-seeder.ts), so a replacement
 * would keep two generations of every item alive. A changed item replaces it and is a change.
 */
import { describe, expect, it } from 'vitest'
import { LibraryRegistry } from '../library-registry.ts'
import { seedFilesOf, toLibraryItem, type LibraryItem } from '../library-item.ts'
import type { StoredItem } from '../stored-item.ts'

const confinement = { root: '/library', followSymlinks: false }

function stored (relativePath: string): StoredItem {
  return {
    relativePath,
    infoHash: 'b'.repeat(40),
    fingerprints: { [relativePath]: { sizeBytes: 1000, mtimeMs: 1_764_000_000_123, inode: 7 } },
    torrentFiles: [{ torrentPath: relativePath.split('/').at(-1) ?? relativePath, libraryPath: relativePath }],
    pieceCount: 1,
    probe: { durationSec: 60, container: 'mp3', videoCodec: null, audioCodec: 'mp3', embeddedTitle: null },
    addedAt: new Date(0).toISOString()
  }
}

function item (relativePath: string): LibraryItem {
  return toLibraryItem(stored(relativePath), confinement)
}

describe('LibraryRegistry.put', () => {
  it('keeps the object it holds when the item put again is as it was, and records no change', () => {
    const registry = new LibraryRegistry()
    const first = item('Music/A/01 One.mp3')
    registry.put(first)
    const version = registry.changes.version
    registry.put(item('Music/A/01 One.mp3'))
    expect(registry.get(first.stored.infoHash)).toBe(first)
    expect(registry.changes.version).toBe(version)
  })

  it('replaces it when anything differs, and records the change', () => {
    const registry = new LibraryRegistry()
    const first = item('Music/A/01 One.mp3')
    registry.put(first)
    const version = registry.changes.version
    const offline: LibraryItem = { ...first, availability: 'offline' }
    registry.put(offline)
    expect(registry.get(first.stored.infoHash)).toBe(offline)
    expect(registry.changes.version).toBe(version + 1)
  })
})

describe('items share their confinement and derive their paths', () => {
  it('one confinement object for every item; the disk paths worked out from it on demand', () => {
    const a = item('Films/A (2020).mp4')
    const b = item('Films/B (2021).mp4')
    expect(a.confinement).toBe(b.confinement)
    expect(seedFilesOf(a)).toEqual({ diskPaths: { 'A (2020).mp4': '/library/Films/A (2020).mp4' }, confinement })
  })
})
