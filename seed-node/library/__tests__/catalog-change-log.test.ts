/** The registry's change log: what changed since a counter, tombstones bounded, unknown counters refused. */
import { describe, expect, it } from 'vitest'
import { CatalogChangeLog, MAX_TOMBSTONES } from '../catalog-change-log.ts'

describe('CatalogChangeLog', () => {
  it('lists what changed and what was removed after a counter, once each', () => {
    const log = new CatalogChangeLog()
    log.changed('a', 1)
    log.changed('b', 1)
    const mark = log.version
    log.changed('a', 2)
    log.removed('b')
    log.changed('c')
    expect(log.since(mark)).toEqual({ changed: ['a', 'c'], removed: ['b'] })
    expect(log.since(0)).toEqual({ changed: ['a', 'c'], removed: ['b'] })
    expect(log.since(log.version)).toEqual({ changed: [], removed: [] })
  })

  it('counts an item put again with the same signature as no change, and one changed in place (no signature) always', () => {
    const log = new CatalogChangeLog()
    log.changed('a', 7)
    const mark = log.version
    log.changed('a', 7)
    expect(log.version).toBe(mark)
    log.changed('a')
    log.changed('a')
    expect(log.version).toBe(mark + 2)
  })

  it('an id removed and added again is a change, not a removal', () => {
    const log = new CatalogChangeLog()
    log.changed('a', 3)
    const mark = log.version
    log.removed('a')
    log.changed('a', 3)
    expect(log.since(mark)).toEqual({ changed: ['a'], removed: [] })
  })

  it('refuses counters from the future and from before the oldest remembered removal', () => {
    const log = new CatalogChangeLog()
    expect(log.since(1)).toBeNull()
    expect(log.since(-1)).toBeNull()
    for (let n = 0; n <= MAX_TOMBSTONES; n++) log.removed(`id${n}`)
    expect(log.since(0)).toBeNull()
    expect(log.since(log.version)).toEqual({ changed: [], removed: [] })
    expect(log.since(log.version - 5)?.removed).toHaveLength(5)
  })
})
