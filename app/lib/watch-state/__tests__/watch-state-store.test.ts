import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { recordKey } from '../../../../protocol/watch-record.ts'
import { openWatchStateDb } from '../watch-state-db.ts'
import { WatchStateStore, type ChangeSource } from '../watch-state-store.ts'
import { itemId, record } from './sample-records.ts'

let dbCounter = 0
async function openStore (name = `test-${++dbCounter}`, wallClock: () => number = () => 1_800_000_000_000): Promise<{ store: WatchStateStore, name: string }> {
  return { store: await WatchStateStore.open(await openWatchStateDb(name), wallClock), name }
}

const SEED: ChangeSource = { role: 'seed-node', deviceId: 'seed-node-1' }
const PEER: ChangeSource = { role: 'device', deviceId: 'device-bbbb' }

describe('WatchStateStore', () => {
  it('makes a device id once per database and keeps it', async () => {
    const { store, name } = await openStore()
    expect(store.deviceId).toMatch(/^[A-Za-z0-9_-]{22}$/)
    const again = await openStore(name)
    expect(again.store.deviceId).toBe(store.deviceId)
    expect(store.profile).toBe('household')
    expect(store.paired).toBe(false)
  })

  it('stamps, persists and outboxes a local write, and tells listeners', async () => {
    const { store, name } = await openStore()
    const local: WatchRecordArray = []
    const all: Array<[WatchRecordArray, string]> = []
    store.onLocalChange(records => local.push(...records))
    store.onChange((records, source) => all.push([records, source.role]))
    const written = await store.put({ itemId: itemId(1), positionSec: 42, durationSec: 600, finished: false })
    expect(written).toMatchObject({ profile: 'household', positionSec: 42, deviceId: store.deviceId })
    expect(store.get(itemId(1))).toEqual(written)
    expect(local).toEqual([written])
    expect(all).toEqual([[[written], 'local']])
    expect(await store.outboxSize()).toBe(1)
    const reopened = (await openStore(name)).store
    expect(reopened.all()).toEqual([written])
  })

  it('keeps the clock monotonic across restarts even if the wall clock goes back', async () => {
    let now = 2_000_000_000_000
    const { store, name } = await openStore(undefined, () => now)
    const first = await store.put({ itemId: itemId(1), positionSec: 10, durationSec: 600, finished: false })
    now -= 60_000
    const reopened = (await openStore(name, () => now)).store
    const second = await reopened.put({ itemId: itemId(1), positionSec: 20, durationSec: 600, finished: false })
    expect(second.hlc.wallMs).toBe(first.hlc.wallMs)
    expect(second.hlc.counter).toBeGreaterThan(first.hlc.counter)
    expect(reopened.get(itemId(1))?.positionSec).toBe(20)
  })

  it('merges remote records by stamp and reports only what changed', async () => {
    const { store } = await openStore()
    const older = record(1, { positionSec: 5, hlc: { wallMs: 10, counter: 0, deviceId: 'device-bbbb' } })
    const newer = record(1, { positionSec: 8, hlc: { wallMs: 20, counter: 0, deviceId: 'device-bbbb' } })
    expect(await store.apply([newer], PEER)).toEqual([newer])
    expect(await store.apply([older], PEER)).toEqual([])
    expect(await store.apply([newer], PEER)).toEqual([])
    expect(store.get(itemId(1))).toEqual(newer)
  })

  it('stamps local writes after every record it has seen', async () => {
    const { store } = await openStore(undefined, () => 1000)
    const future = record(1, { hlc: { wallMs: 5_000_000, counter: 3, deviceId: 'device-bbbb' } })
    await store.apply([future], PEER)
    const mine = await store.put({ itemId: itemId(1), positionSec: 1, durationSec: 600, finished: false })
    expect(store.get(itemId(1))).toEqual(mine)
    expect(mine.hlc).toMatchObject({ wallMs: 5_000_000, counter: 4 })
  })

  it('clears the outbox only on a seed-node acknowledgement of an equal or newer stamp', async () => {
    const { store } = await openStore()
    const written = await store.put({ itemId: itemId(1), positionSec: 42, durationSec: 600, finished: false })
    const key = recordKey(written)
    store.acknowledged([[key, written.hlc]], PEER)
    expect(await store.acknowledge([[key, { ...written.hlc, wallMs: written.hlc.wallMs - 1 }]])).toBe(0)
    expect(await store.outboxSize()).toBe(1)
    expect(await store.acknowledge([[key, written.hlc]])).toBe(1)
    expect(await store.outboxSize()).toBe(0)

    const next = await store.put({ itemId: itemId(1), positionSec: 50, durationSec: 600, finished: false })
    store.acknowledged([[key, { ...next.hlc, counter: next.hlc.counter + 1 }]], SEED)
    await expect.poll(() => store.outboxSize()).toBe(0)
  })

  it('drops a pending local record that a newer remote one replaced', async () => {
    const { store } = await openStore(undefined, () => 1000)
    await store.put({ itemId: itemId(1), positionSec: 42, durationSec: 600, finished: false })
    await store.apply([record(1, { hlc: { wallMs: 9_000_000, counter: 0, deviceId: 'device-bbbb' } })], PEER)
    expect(await store.outboxSize()).toBe(0)
  })

  it('stores the library key and reports pairing', async () => {
    const { store, name } = await openStore()
    const seen: string[] = []
    store.onMetaChange(source => seen.push(source.role))
    const key = Buffer.alloc(32, 9).toString('base64url')
    await store.setLibraryKey(key)
    expect(store.paired).toBe(true)
    expect(seen).toEqual(['local'])
    expect((await openStore(name)).store.libraryKey).toBe(key)
  })
})

type WatchRecordArray = Array<ReturnType<typeof record>>
