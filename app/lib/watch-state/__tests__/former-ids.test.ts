import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { openWatchStateDb } from '../watch-state-db.ts'
import { WatchStateStore } from '../watch-state-store.ts'
import { recordsUnderCurrentIds } from '../former-ids.ts'
import { continueWatching } from '../continue-watching.ts'
import { catalogItem, itemId, record } from './sample-records.ts'

describe('watch records under former item ids (migration)', () => {
  it('copies a record under a former id to the current id, stamp and all', () => {
    const old = record(1, { positionSec: 300 })
    const copies = recordsUnderCurrentIds([old], [catalogItem(2, { formerIds: [itemId(1)] })])
    expect(copies).toEqual([{ ...old, itemId: itemId(2) }])
  })

  it('copies nothing when no item has former ids, or when the copy is already there', () => {
    const old = record(1)
    expect(recordsUnderCurrentIds([old], [catalogItem(1)])).toEqual([])
    expect(recordsUnderCurrentIds([old, { ...old, itemId: itemId(2) }], [catalogItem(2, { formerIds: [itemId(1)] })])).toEqual([])
  })

  it('in a real store: an old record shows under the new id (Continue watching too), a newer record under the new id wins', async () => {
    const store = await WatchStateStore.open(await openWatchStateDb('former-ids-1'), () => 1_800_000_000_000)
    await store.apply([record(1, { positionSec: 300 }), record(3, { positionSec: 100 })])
    const items = [catalogItem(2, { formerIds: [itemId(1)] }), catalogItem(4, { formerIds: [itemId(3)] })]
    // Item 4 was watched further after the change: its own record is newer than the old one.
    await store.apply([record(4, { positionSec: 500, hlc: { wallMs: 1_750_000_000_000, counter: 0, deviceId: 'device-aaaa' } })])
    await store.apply(recordsUnderCurrentIds(store.all(), items))
    expect(store.get(itemId(2))?.positionSec).toBe(300)
    expect(store.get(itemId(4))?.positionSec).toBe(500)
    const byItem = new Map(store.all().map(entry => [entry.itemId, entry]))
    expect(continueWatching(items, byItem).map(entry => entry.item.id)).toEqual([itemId(4), itemId(2)])
    const reopened = await WatchStateStore.open(await openWatchStateDb('former-ids-1'))
    expect(reopened.get(itemId(2))?.positionSec).toBe(300)
  })
})
