import { describe, expect, it } from 'vitest'
import { continueWatching, watchedFraction } from '../continue-watching.ts'
import { catalogItem, record } from './sample-records.ts'

describe('continueWatching', () => {
  it('lists started, unfinished items, most recent stamp first', () => {
    const items = [1, 2, 3, 4, 5, 6].map(n => catalogItem(n))
    const records = new Map([
      record(1, { hlc: { wallMs: 10, counter: 0, deviceId: 'device-aaaa' } }),
      record(2, { hlc: { wallMs: 30, counter: 0, deviceId: 'device-aaaa' } }),
      record(3, { finished: true, positionSec: 590, hlc: { wallMs: 40, counter: 0, deviceId: 'device-aaaa' } }),
      record(4, { positionSec: 0, hlc: { wallMs: 50, counter: 0, deviceId: 'device-aaaa' } }), // marked unwatched
      record(5, { hlc: { wallMs: 30, counter: 1, deviceId: 'device-aaaa' } }),
      record(6, { positionSec: 0.5, hlc: { wallMs: 60, counter: 0, deviceId: 'device-aaaa' } })
    ].map(r => [r.itemId, r]))
    expect(continueWatching(items, records).map(row => row.item.title)).toEqual(['Item 5', 'Item 2', 'Item 1'])
  })

  it('orders equal wall times by counter, then device id', () => {
    const items = [1, 2].map(n => catalogItem(n))
    const records = new Map([
      record(1, { hlc: { wallMs: 10, counter: 0, deviceId: 'device-bbbb' } }),
      record(2, { hlc: { wallMs: 10, counter: 0, deviceId: 'device-aaaa' } })
    ].map(r => [r.itemId, r]))
    expect(continueWatching(items, records).map(row => row.item.title)).toEqual(['Item 1', 'Item 2'])
  })

  it('leaves out records of items no longer in the catalog', () => {
    const records = new Map([[record(9).itemId, record(9)]])
    expect(continueWatching([catalogItem(1)], records)).toEqual([])
  })
})

describe('watchedFraction', () => {
  it('uses the record duration, then the catalog one', () => {
    expect(watchedFraction(catalogItem(1), record(1, { positionSec: 150, durationSec: 300 }))).toBe(0.5)
    expect(watchedFraction(catalogItem(1, { durationSec: 600 }), record(1, { positionSec: 150, durationSec: null }))).toBe(0.25)
    expect(watchedFraction(catalogItem(1, { durationSec: null }), record(1, { durationSec: null }))).toBeNull()
    expect(watchedFraction(catalogItem(1), record(1, { finished: true, positionSec: 1 }))).toBe(1)
  })
})
