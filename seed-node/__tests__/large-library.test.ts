/**
 * A library of 2,000 small files: the first start hashes them all, a restart serves the
 * whole catalog with zero pieces hashed (a counter, not a timer) and before its first scan
 * has checked the files (the order of events), and nothing is awake until a peer asks —
 * items nobody watches cost a registry entry, not a torrent.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { startSeedNode, type RunningSeedNode } from '../seed-node.ts'
import { silentLogger, type Logger, type LogFields } from '../lib/log.ts'
import { parseCatalog } from '../../protocol/catalog.ts'
import { deterministicBytes } from '../testing/deterministic-bytes.ts'

const FILES = 2000
const FILES_PER_FOLDER = 100
const FILE_BYTES = 2048

let scratch: string
let library: string

function bytesFor (seed: number): Uint8Array {
  return deterministicBytes(seed, FILE_BYTES)
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'hearth-large-'))
  library = path.join(scratch, 'library')
  for (let folder = 0; folder < FILES / FILES_PER_FOLDER; folder++) {
    const dir = path.join(library, `Artist ${folder}`)
    await mkdir(dir, { recursive: true })
    for (let file = 0; file < FILES_PER_FOLDER; file++) {
      const n = folder * FILES_PER_FOLDER + file
      await writeFile(path.join(dir, `Track ${n}.mp3`), bytesFor(n + 1))
    }
  }
})

afterAll(async () => { await rm(scratch, { recursive: true, force: true }) })

interface LoggedEvent { event: string, fields: LogFields | undefined }

/** A logger that keeps every event, in order. */
function recordingLogger (events: LoggedEvent[]): Logger {
  const keep = (event: string, fields?: LogFields): void => { events.push({ event, fields }) }
  return { debug: keep, info: keep, warn: keep, error: keep }
}

async function start (log: Logger = silentLogger, onStarted?: (node: RunningSeedNode) => void): Promise<RunningSeedNode> {
  const node = await startSeedNode({ libraryDir: library, stateDir: path.join(scratch, 'state'), host: '127.0.0.1', port: 0, rescanIntervalSec: 3600 }, log)
  onStarted?.(node)
  await node.firstScan
  return node
}

describe(`a library of ${FILES} files`, () => {
  it('restarts serving every item with zero pieces hashed, and keeps them dormant', { timeout: 240 * 1000 }, async () => {
    const first = await start()
    expect(first.ingest.stats.itemsHashed).toBe(FILES)
    expect(first.ingest.stats.piecesHashed).toBeGreaterThanOrEqual(FILES)
    await first.close()

    const events: LoggedEvent[] = []
    let listedAtStart = 0
    const second = await start(recordingLogger(events), node => { listedAtStart = node.registry.size })
    try {
      // The catalog was whole when start returned (its port already serving), and it came
      // from the index before the first scan had checked a file: restored → scan done.
      expect(listedAtStart).toBe(FILES)
      const names = events.map(e => e.event)
      const restoredAt = names.indexOf('ingest.restored')
      expect(events[restoredAt]?.fields).toEqual({ items: FILES })
      expect(restoredAt).toBeGreaterThanOrEqual(0)
      expect(restoredAt).toBeLessThan(names.indexOf('ingest.scan_done'))
      expect(names.filter(name => name === 'ingest.hashed')).toEqual([])
      expect(second.ingest.stats.itemsRestored).toBe(FILES)
      expect(second.ingest.stats.piecesHashed).toBe(0)
      expect(second.ingest.stats.itemsHashed).toBe(0)
      expect(second.ingest.stats.itemsReused).toBe(FILES)
      const res = await fetch(`${second.url}/api/catalog`, { headers: { authorization: `Bearer ${second.access.credential}` } })
      expect(parseCatalog(await res.json()).items).toHaveLength(FILES)
      const seeder = second.seeder.stats()
      expect(seeder.torrents).toBe(FILES)
      expect(seeder.awake).toBe(0) // nobody asked for anything yet
      // A dormant item holds no WebTorrent Torrent: the client has the sync swarm's alone.
      expect(seeder.clientTorrents).toBe(1)
      const status = await fetch(`${second.url}/api/status`, { headers: { authorization: `Bearer ${second.access.credential}` } })
      expect((await status.json() as { seeder: { clientTorrents?: number } }).seeder.clientTorrents).toBe(1)

      // Asking for one item wakes that one alone: one Torrent more.
      const some = second.registry.list()[1234]
      if (!some) throw new Error('item missing')
      await second.seeder.wake(some.stored.infoHash)
      expect(second.seeder.isAwake(some.stored.infoHash)).toBe(true)
      expect(second.seeder.stats()).toMatchObject({ awake: 1, clientTorrents: 2 })
    } finally {
      await second.close()
    }
  })
})
