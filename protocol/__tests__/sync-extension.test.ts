// The hearth_sync extension over two real bittorrent-protocol Wires piped to each other.
import { afterEach, describe, expect, it, vi } from 'vitest'
import Wire from 'bittorrent-protocol'
import { SyncOptionsError, createSyncExtension, type SyncExtensionConstructor } from '../sync-extension.ts'
import { deriveKeys, type DerivedKeys } from '../library-key.ts'
import { MemoryReplica } from '../memory-replica.ts'
import { encodeSyncMessage } from '../sync-messages.ts'
import { createSyncStats, droppedTotal } from '../sync-stats.ts'
import type { SyncPeerInfo } from '../sync-replica.ts'
import { recordKey, type WatchRecord } from '../watch-record.ts'
import { record, stamp } from './arbitraries.ts'

const INFO_HASH = '29d104822d62ff6d7d71dc01c806e3c03a3b2a05'
const household = await deriveKeys(new Uint8Array(32).fill(1))
const strangers = await deriveKeys(new Uint8Array(32).fill(2))
const wires: Wire[] = []

afterEach(() => {
  for (const wire of wires.splice(0)) wire.destroy()
  RawSync.received = []
})

function peerId (n: number): string {
  return n.toString(16).padStart(40, '0')
}

/** Two wires piped together, each using its extension (before the handshake, as WebTorrent does). */
function connect (extA: SyncExtensionConstructor | typeof RawSync, extB: SyncExtensionConstructor | typeof RawSync): [Wire, Wire] {
  const a = new Wire()
  const b = new Wire()
  wires.push(a, b)
  a.use(extA)
  b.use(extB)
  a.pipe(b).pipe(a)
  a.handshake(INFO_HASH, peerId(1))
  b.handshake(INFO_HASH, peerId(2))
  return [a, b]
}

/** A peer that advertises hearth_sync but speaks only what the test sends by hand. */
class RawSync {
  static received: Uint8Array[] = []
  declare readonly name: string
  onMessage (payload: Uint8Array): void { RawSync.received.push(payload) }
}
Object.defineProperty(RawSync.prototype, 'name', { value: 'hearth_sync' })

interface Member { replica: MemoryReplica, ext: SyncExtensionConstructor, peers: SyncPeerInfo[] }

function member (keys: DerivedKeys, role: 'seed-node' | 'device', deviceId: string, records: WatchRecord[] = []): Member {
  const replica = new MemoryReplica(records)
  const peers: SyncPeerInfo[] = []
  const ext = createSyncExtension({ keys, role, deviceId, replica, onPeer: peer => peers.push(peer) })
  return { replica, ext, peers }
}

function sorted (replica: MemoryReplica): WatchRecord[] {
  return [...replica.state.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, r]) => r)
}

const ITEM_1 = '1'.repeat(40)
const ITEM_2 = '2'.repeat(40)
const ITEM_3 = '3'.repeat(40)

describe('hearth_sync extension', () => {
  it('converges both ways: each side gets what it lacks or holds older, and acks come back', async () => {
    const laptopNewer = record({ itemId: ITEM_1, positionSec: 500, hlc: stamp(2000, 0, 'laptop-0001') })
    const seedOlder = record({ itemId: ITEM_1, positionSec: 100, hlc: stamp(1000, 0, 'phone-00002') })
    const onlyLaptop = record({ itemId: ITEM_2, hlc: stamp(1500, 0, 'laptop-0001') })
    const onlySeed = record({ itemId: ITEM_3, profile: 'bob', hlc: stamp(1200, 0, 'phone-00002') })
    const laptop = member(household, 'device', 'laptop-0001', [laptopNewer, onlyLaptop])
    const seed = member(household, 'seed-node', 'seed-node-01', [seedOlder, onlySeed])
    connect(laptop.ext, seed.ext)

    await vi.waitFor(() => {
      expect(sorted(laptop.replica)).toEqual(sorted(seed.replica))
      expect(laptop.replica.acks.length).toBeGreaterThan(0)
      expect(seed.replica.acks.length).toBeGreaterThan(0)
    })
    expect(sorted(seed.replica)).toEqual(sorted(new MemoryReplica([laptopNewer, onlyLaptop, seedOlder, onlySeed])))
    expect(laptop.peers).toEqual([{ role: 'seed-node', deviceId: 'seed-node-01' }])
    expect(seed.peers).toEqual([{ role: 'device', deviceId: 'laptop-0001' }])
    // Only what the other lacked travelled: the seed's older record for item 1 did not.
    expect(seed.replica.applied.flatMap(a => a.records)).toEqual(expect.arrayContaining([laptopNewer, onlyLaptop]))
    expect(laptop.replica.applied.flatMap(a => a.records)).toEqual([onlySeed])
    expect(seed.replica.applied[0]!.from).toEqual({ role: 'device', deviceId: 'laptop-0001' })
    const acked = laptop.replica.acks.flatMap(a => a.entries).map(([key]) => key)
    expect(acked.sort()).toEqual([recordKey(laptopNewer), recordKey(onlyLaptop)].sort())
    expect(seed.ext.stats.wiresOpen).toBe(1)
    expect(droppedTotal(seed.ext.stats) + droppedTotal(laptop.ext.stats)).toBe(0)
  })

  it('pushes live local changes on open wires, and the receiver acknowledges them', async () => {
    const laptop = member(household, 'device', 'laptop-0001')
    const phone = member(household, 'device', 'phone-00002')
    connect(laptop.ext, phone.ext)
    await vi.waitFor(() => expect(phone.peers).toHaveLength(1))
    await vi.waitFor(() => expect(laptop.ext.stats.hellosReceived).toBe(1))

    const paused = record({ itemId: ITEM_1, positionSec: 2530, hlc: stamp(5000, 0, 'laptop-0001') })
    laptop.replica.write(paused)
    await vi.waitFor(() => expect(phone.replica.state.get(recordKey(paused))).toEqual(paused))
    await vi.waitFor(() => expect(laptop.replica.acks.flatMap(a => a.entries)).toContainEqual([recordKey(paused), paused.hlc]))
  })

  it('a member with another library key learns nothing and changes nothing; its messages are dropped and counted', async () => {
    const mine = record({ itemId: ITEM_1, hlc: stamp(1000, 0, 'laptop-0001') })
    const theirs = record({ itemId: ITEM_2, hlc: stamp(9000, 0, 'phone-00002') })
    const laptop = member(household, 'device', 'laptop-0001', [mine])
    const stranger = member(strangers, 'device', 'phone-00002', [theirs])
    connect(laptop.ext, stranger.ext)

    await vi.waitFor(() => {
      expect(laptop.ext.stats.dropped.unsealed).toBeGreaterThan(0)
      expect(stranger.ext.stats.dropped.unsealed).toBeGreaterThan(0)
    })
    stranger.replica.write(record({ itemId: ITEM_1, positionSec: 1, hlc: stamp(99_999, 0, 'phone-00002') }))
    await vi.waitFor(() => expect(laptop.ext.stats.dropped.unsealed).toBeGreaterThan(1))
    expect(laptop.replica.applied).toEqual([])
    expect(stranger.replica.applied).toEqual([])
    expect(laptop.peers).toEqual([])
    expect(stranger.peers).toEqual([])
    expect(sorted(laptop.replica)).toEqual([mine])
  })

  it('drops a flipped byte, records before hello and junk, and the wire keeps working', async () => {
    const laptop = member(household, 'device', 'laptop-0001')
    const [, raw] = connect(laptop.ext, RawSync)
    const send = (payload: Uint8Array) => raw.extended('hearth_sync', payload)
    await vi.waitFor(() => expect(RawSync.received.length).toBeGreaterThan(0)) // laptop's hello arrived

    const early = record({ itemId: ITEM_1, hlc: stamp(3000, 0, 'phone-00002') })
    send(await encodeSyncMessage(household.sealKey, { type: 'records', records: [early] }))
    await vi.waitFor(() => expect(laptop.ext.stats.dropped.unexpected).toBe(1))

    send(await encodeSyncMessage(household.sealKey, { type: 'hello', v: 1, role: 'device', deviceId: 'phone-00002', summary: [], more: false }))
    const flipped = await encodeSyncMessage(household.sealKey, { type: 'records', records: [early] })
    flipped[flipped.length - 3] = flipped[flipped.length - 3]! ^ 0x40
    send(flipped)
    send(new Uint8Array([1, 2, 3]))
    send(new TextEncoder().encode('{"type":"records","records":[]}'))
    await vi.waitFor(() => expect(laptop.ext.stats.dropped.unsealed).toBe(3))
    expect(laptop.replica.applied).toEqual([])

    send(await encodeSyncMessage(household.sealKey, { type: 'records', records: [early] }))
    await vi.waitFor(() => expect(laptop.replica.state.get(recordKey(early))).toEqual(early))
    expect(laptop.replica.applied).toHaveLength(1)
  })

  it('one peer sending garbage does not disturb the sync with another', async () => {
    const seed = member(household, 'seed-node', 'seed-node-01')
    const phone = member(household, 'device', 'phone-00002')
    const [, raw] = connect(seed.ext, RawSync)
    connect(phone.ext, seed.ext)
    await vi.waitFor(() => expect(RawSync.received.length).toBeGreaterThan(0)) // handshakes done
    for (let i = 0; i < 200; i++) raw.extended('hearth_sync', new Uint8Array(64).fill(i))
    const paused = record({ itemId: ITEM_3, hlc: stamp(7000, 0, 'phone-00002') })
    phone.replica.write(paused)
    await vi.waitFor(() => expect(seed.replica.state.get(recordKey(paused))).toEqual(paused))
    await vi.waitFor(() => expect(seed.ext.stats.dropped.unsealed + seed.ext.stats.dropped.backlog).toBe(200))
    expect(seed.ext.stats.wiresOpen).toBe(2)
  })

  it('hands a large library to an empty replica with a slow store, with nothing dropped', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => record({ itemId: i.toString(16).padStart(40, '0'), hlc: stamp(1000 + i, 0, 'seed-node-01') }))
    const seed = member(household, 'seed-node', 'seed-node-01', many)
    const phone = member(household, 'device', 'phone-00002')
    const fastApply = phone.replica.apply.bind(phone.replica)
    phone.replica.apply = async (records, from) => {
      await new Promise(resolve => setTimeout(resolve, 5)) // an fsync
      return await fastApply(records, from)
    }
    connect(seed.ext, phone.ext)
    await vi.waitFor(() => expect(phone.replica.state.size).toBe(5000), { timeout: 5000 })
    await vi.waitFor(() => expect(seed.ext.stats.ackEntriesReceived).toBe(5000))
    expect(phone.replica.applied.length).toBe(10)
    expect(droppedTotal(phone.ext.stats) + droppedTotal(seed.ext.stats)).toBe(0)
  })

  it('bounds the queue of unprocessed messages per wire', async () => {
    const seed = member(household, 'seed-node', 'seed-node-01')
    const [, raw] = connect(seed.ext, RawSync)
    await vi.waitFor(() => expect(RawSync.received.length).toBeGreaterThan(0))
    for (let i = 0; i < 1500; i++) raw.extended('hearth_sync', new Uint8Array(32))
    await vi.waitFor(() => expect(seed.ext.stats.dropped.unsealed + seed.ext.stats.dropped.backlog).toBe(1500))
    expect(seed.ext.stats.dropped.backlog).toBeGreaterThan(0)
  })

  it('does not acknowledge records the replica failed to store, and survives the failure', async () => {
    const seed = member(household, 'seed-node', 'seed-node-01')
    const laptop = member(household, 'device', 'laptop-0001', [record({ itemId: ITEM_1, hlc: stamp(1000, 0, 'laptop-0001') })])
    let failing = true
    const realApply = seed.replica.apply.bind(seed.replica)
    seed.replica.apply = async (records, from) => {
      if (failing) throw new Error('disk full')
      return await realApply(records, from)
    }
    connect(laptop.ext, seed.ext)
    await vi.waitFor(() => expect(seed.ext.stats.replicaErrors).toBe(1))
    expect(laptop.replica.acks).toEqual([])
    failing = false
    const next = record({ itemId: ITEM_2, hlc: stamp(2000, 0, 'laptop-0001') })
    laptop.replica.write(next)
    await vi.waitFor(() => expect(laptop.replica.acks.flatMap(a => a.entries)).toContainEqual([recordKey(next), next.hlc]))
  })

  it('stops and unsubscribes when the wire closes', async () => {
    const laptop = member(household, 'device', 'laptop-0001')
    const phone = member(household, 'device', 'phone-00002')
    const [a] = connect(laptop.ext, phone.ext)
    await vi.waitFor(() => expect(laptop.ext.stats.hellosReceived).toBe(1))
    expect(laptop.replica.listenerCount).toBe(1)
    a.destroy()
    await vi.waitFor(() => {
      expect(laptop.replica.listenerCount).toBe(0)
      expect(laptop.ext.stats.wiresOpen).toBe(0)
      expect(phone.ext.stats.wiresOpen).toBe(0)
    })
    laptop.replica.write(record({ hlc: stamp(9, 0, 'laptop-0001') }))
    expect(laptop.ext.stats.sendErrors).toBe(0)
  })

  it('refuses unknown or bad options with HEARTH_E_BAD_SYNC_OPTIONS', () => {
    const replica = new MemoryReplica()
    const good = { keys: household, role: 'device' as const, deviceId: 'laptop-0001', replica }
    expect(() => createSyncExtension(good)).not.toThrow()
    for (const bad of [
      { ...good, colour: 'red' },
      { ...good, role: 'admin' },
      { ...good, deviceId: 'x' },
      { ...good, keys: {} },
      { ...good, replica: {} }
    ]) {
      expect(() => createSyncExtension(bad as never)).toThrow(SyncOptionsError)
    }
    expect(createSyncExtension({ ...good, stats: createSyncStats() }).prototype.name).toBe('hearth_sync')
  })
})
