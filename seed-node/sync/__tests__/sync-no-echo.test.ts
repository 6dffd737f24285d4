/**
 * The seed node relays a record from one device to every other device, and not back to the
 * device that sent it. Real `hearth_sync` extensions (protocol/) on real bittorrent-protocol
 * wires piped in memory, the seed node's side over its real fsynced log, as sync-swarm-member
 * builds it per wire.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import Wire from 'bittorrent-protocol'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { deriveKeys } from '../../../protocol/library-key.ts'
import { createSyncExtension, type SyncExtensionConstructor } from '../../../protocol/sync-extension.ts'
import { createSyncStats, type SyncStats } from '../../../protocol/sync-stats.ts'
import { MemoryReplica } from '../../../protocol/memory-replica.ts'
import type { WatchRecord } from '../../../protocol/watch-record.ts'
import { silentLogger } from '../../lib/log.ts'
import { seedNodeWireExtension } from '../sync-swarm-member.ts'
import { WatchStateLog } from '../watch-state-log.ts'

const INFO_HASH = '29d104822d62ff6d7d71dc01c806e3c03a3b2a05'
const SEED_NODE_ID = 'seed-node-01'
const keys = await deriveKeys(new Uint8Array(32).fill(7))

let dir: string
let store: WatchStateLog
const wires: Wire[] = []

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-no-echo-'))
  store = await WatchStateLog.open(dir, silentLogger)
})

afterEach(async () => {
  for (const wire of wires.splice(0)) wire.destroy()
  await store.close()
  await rm(dir, { recursive: true, force: true })
})

interface Device { replica: MemoryReplica, stats: SyncStats }

/** A device wired to the seed node: a fresh wire pair, the seed node's side made per wire as in the swarm. */
function connectDevice (deviceId: string, seedStats: SyncStats): Device {
  const replica = new MemoryReplica()
  const stats = createSyncStats()
  const deviceExt: SyncExtensionConstructor = createSyncExtension({ keys, role: 'device', deviceId, replica, stats })
  const device = new Wire()
  const seed = new Wire()
  wires.push(device, seed)
  device.use(deviceExt)
  seed.use(seedNodeWireExtension({ keys, deviceId: SEED_NODE_ID, store, stats: seedStats, log: silentLogger }))
  device.pipe(seed).pipe(device)
  device.handshake(INFO_HASH, '1'.repeat(40))
  seed.handshake(INFO_HASH, '2'.repeat(40))
  return { replica, stats }
}

function record (positionSec: number, deviceId: string): WatchRecord {
  return { itemId: 'a'.repeat(40), profile: 'household', positionSec, durationSec: 600, finished: false, hlc: { wallMs: 1_000_000 + positionSec, counter: 0, deviceId }, deviceId }
}

describe('the seed node relays records', () => {
  it('to every other device, never back to the sender', async () => {
    const seedStats = createSyncStats()
    const laptop = connectDevice('laptop-0001', seedStats)
    const phone = connectDevice('phone-00002', seedStats)
    const tablet = connectDevice('tablet-0003', seedStats)
    await vi.waitFor(() => expect(seedStats.hellosReceived).toBe(3))
    await vi.waitFor(() => expect([laptop, phone, tablet].map(device => device.stats.hellosReceived)).toEqual([1, 1, 1]))

    const sent = record(42, 'laptop-0001')
    laptop.replica.write(sent)

    // Both other devices receive it.
    await vi.waitFor(() => {
      expect(phone.replica.snapshot()).toEqual([sent])
      expect(tablet.replica.snapshot()).toEqual([sent])
    })
    // The seed node queues a relay to a wire before it queues that wire's ack, and a wire
    // delivers in order: once the laptop has its ack, an echo would already have arrived.
    await vi.waitFor(() => expect(laptop.replica.acks).toHaveLength(1))
    expect(laptop.replica.applied).toEqual([])
    expect(laptop.stats.recordsReceived).toBe(0)
    expect(laptop.stats.ackEntriesSent).toBe(0) // no extra ack for an echoed record
    // One push each to the phone and the tablet; the laptop's record only in the log.
    expect(seedStats.recordsSent).toBe(2)
    expect(store.snapshot()).toEqual([sent])
  })

  it('still pushes changes the seed node makes itself to every device', async () => {
    const seedStats = createSyncStats()
    const laptop = connectDevice('laptop-0001', seedStats)
    const phone = connectDevice('phone-00002', seedStats)
    await vi.waitFor(() => expect(seedStats.hellosReceived).toBe(2))
    await vi.waitFor(() => expect([laptop, phone].map(device => device.stats.hellosReceived)).toEqual([1, 1]))

    const local = record(7, 'laptop-0001')
    await store.apply([local])
    await vi.waitFor(() => {
      expect(laptop.replica.snapshot()).toEqual([local])
      expect(phone.replica.snapshot()).toEqual([local])
    })
  })
})
