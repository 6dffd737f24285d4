/**
 * Applying a delta: the catalog ends where the seed node is, in catalog order, whatever was
 * added, changed and removed; a delta from another revision, or one that leaves a different
 * count, is refused rather than applied.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { Catalog, CatalogItem } from '../catalog.ts'
import { applyCatalogDelta, CatalogDeltaMismatch, CatalogUpdate, isCatalogDelta, type CatalogDelta } from '../catalog-delta.ts'
import { compareCatalogOrder } from '../catalog-order.ts'

function idOf (n: number): string {
  return n.toString(16).padStart(40, '0')
}

function item (n: number, title = `Film ${n}`): CatalogItem {
  return {
    id: idOf(n),
    title,
    kind: n % 3 === 0 ? 'episode' : 'film',
    series: n % 3 === 0 ? { name: `Show ${n % 4}`, season: 1 + (n % 2), episode: n } : null,
    mediaPath: `f${n}.mp4`,
    sizeBytes: n,
    durationSec: null,
    mimeType: 'video/mp4',
    container: 'mp4',
    videoCodec: null,
    audioCodec: null,
    subtitles: [],
    magnet: `magnet:?xt=urn:btih:${idOf(n)}`,
    posterUrl: null,
    addedAt: '2026-01-02T03:04:05.000Z',
    availability: 'online'
  }
}

function catalog (items: CatalogItem[], revision = 'run.1.view'): Catalog {
  return { version: 1, revision, libraryName: 'Home', trackerUrl: 'ws://h/announce', items: [...items].sort(compareCatalogOrder) }
}

function delta (since: string, changed: CatalogItem[], removed: string[], total: number): CatalogDelta {
  return { version: 1, libraryName: 'Home', trackerUrl: 'ws://h/announce', since, revision: 'run.2.view', total, changed, removed }
}

describe('applyCatalogDelta', () => {
  it('ends with the seed node’s items, in catalog order, for any additions, changes and removals', () => {
    fc.assert(fc.property(
      fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { maxLength: 40 }),
      fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { maxLength: 40 }),
      (beforeIds, afterIds) => {
        const before = catalog(beforeIds.map(n => item(n)))
        // Items present in both are "changed" (a new title) half the time.
        const after = afterIds.map(n => beforeIds.includes(n) && n % 2 === 0 ? item(n) : item(n, `Renamed ${n}`))
        const changed = after.filter(next => !before.items.some(old => old.id === next.id && old.title === next.title))
        const removed = beforeIds.filter(n => !afterIds.includes(n)).map(idOf)
        const result = applyCatalogDelta(before, delta('run.1.view', changed, removed, after.length))
        expect(result.items).toEqual([...after].sort(compareCatalogOrder))
        expect(result.revision).toBe('run.2.view')
      }
    ))
  })

  it('refuses a delta from another revision, and one that leaves another count', () => {
    const before = catalog([item(1), item(2)])
    expect(() => applyCatalogDelta(before, delta('run.0.view', [], [], 2))).toThrow(CatalogDeltaMismatch)
    expect(() => applyCatalogDelta(before, delta('run.1.view', [item(3)], [], 2))).toThrow(/leaves 3 items/)
  })

  it('tells a delta from a whole catalog, and parses both', () => {
    const whole = CatalogUpdate.parse(catalog([item(1)]))
    const partial = CatalogUpdate.parse(delta('run.1.view', [item(2)], [idOf(1)], 1))
    expect(isCatalogDelta(whole)).toBe(false)
    expect(isCatalogDelta(partial)).toBe(true)
    expect(() => CatalogUpdate.parse({ ...delta('a.1.b', [], ['not-an-id'], 0) })).toThrow()
  })
})
