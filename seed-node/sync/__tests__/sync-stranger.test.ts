/**
 * A peer that is not paired, joining the sync torrent (say it learned the infohash), learns
 * nothing and changes nothing: it cannot open the seed node's sealed messages, and the seed
 * node drops its forged records. Real seed node, real second WebTorrent client, in-process.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import WebTorrent from 'webtorrent'
import { startSeedNode, type RunningSeedNode } from '../../seed-node.ts'
import { silentLogger } from '../../lib/log.ts'
import { deriveKeys, generateLibraryKey } from '../../../protocol/library-key.ts'
import { createSyncExtension } from '../../../protocol/sync-extension.ts'
import { createSyncStats } from '../../../protocol/sync-stats.ts'
import { MemoryReplica } from '../../../protocol/memory-replica.ts'
import type { WatchRecord } from '../../../protocol/watch-record.ts'

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../sample-library')
const ITEM = 'ab'.repeat(20)

function record (positionSec: number, wallMs: number, deviceId: string): WatchRecord {
  return { itemId: ITEM, profile: 'household', positionSec, durationSec: 100, finished: false, hlc: { wallMs, counter: 0, deviceId }, deviceId }
}

let scratch: string
let node: RunningSeedNode
let stranger: WebTorrent

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'hearth-stranger-'))
  node = await startSeedNode({ libraryDir: SAMPLES, stateDir: path.join(scratch, 'state'), host: '127.0.0.1', port: 0 }, silentLogger)
  await node.firstScan
  await node.watchState.apply([record(42, Date.now(), 'household-laptop')])
})

afterAll(async () => {
  await new Promise<void>(resolve => stranger ? stranger.destroy(() => resolve()) : resolve())
  await node?.close()
  await rm(scratch, { recursive: true, force: true })
})

describe('a stranger in the sync swarm', () => {
  it('can neither read the household\'s records nor plant its own', { timeout: 60 * 1000 }, async () => {
    const wrongKeys = await deriveKeys(generateLibraryKey())
    const forged = record(7, Date.now() + 365 * 24 * 3600 * 1000, 'stranger-device')
    const replica = new MemoryReplica([forged])
    const strangerStats = createSyncStats()
    const Extension = createSyncExtension({ keys: wrongKeys, role: 'device', deviceId: 'stranger-device', replica, stats: strangerStats })
    stranger = new WebTorrent({ dht: false, lsd: false, utPex: false, natUpnp: false, natPmp: false, tracker: { rtcConfig: { iceServers: [] } } })
    // The tracker admits only household members, so give the stranger a way past it: a share
    // token for the sync torrent (as if a household member had shared its infohash). What
    // protects the records then is the sealing alone. (This also gives the stranger a
    // WebSocket of its own: bittorrent-tracker shares one per announce URL in a process.)
    const announce = `ws://127.0.0.1:${node.port}/announce/${node.access.shareToken(node.sync.infoHash)}`
    const magnet = `magnet:?xt=urn:btih:${node.sync.infoHash}&tr=${encodeURIComponent(announce)}`
    const torrent = stranger.add(magnet, { path: path.join(scratch, 'stranger') })
    torrent.on('wire', wire => wire.use(Extension))

    // Both sides talked: each dropped the other's sealed messages as unopenable.
    await expect.poll(() => node.sync.stats.dropped.unsealed, { timeout: 45 * 1000, interval: 200 }).toBeGreaterThan(0)
    await expect.poll(() => strangerStats.dropped.unsealed, { timeout: 15 * 1000, interval: 200 }).toBeGreaterThan(0)

    expect(replica.applied).toEqual([]) // learned nothing
    expect(node.watchState.snapshot()).toEqual([record(42, node.watchState.snapshot()[0]?.hlc.wallMs ?? 0, 'household-laptop')])
    expect(node.sync.peers().map(peer => peer.deviceId)).not.toContain('stranger-device')
  })
})
