/**
 * The state folder on flash: a rescan of an unchanged library writes nothing to it (every
 * file's size and mtime stay as they were), and a damaged index (a torn snapshot, a wrong
 * entry, a torn journal line) is logged and recovered: only the damaged items are hashed
 * again, and they keep their ids. A real seed node in this process over real files.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { RunningSeedNode } from '../seed-node.ts'
import { makeScratchFolder, startScratchSeedNode, type ScratchFolder } from '../testing/scratch-seed-node.ts'
import { silentLogger, type Logger, type LogFields } from '../lib/log.ts'
import { deterministicBytes } from '../testing/deterministic-bytes.ts'
import { encodeIndex } from '../library/library-index-file.ts'
import { decodeJournalLine } from '../library/library-index-journal.ts'
import type { StoredItem } from '../library/stored-item.ts'

const FILES = 12
let scratch: ScratchFolder
let library: string
let stateDir: string

beforeAll(async () => {
  scratch = await makeScratchFolder('hearth-state-writes-')
  ;({ library, stateDir } = scratch)
  for (let n = 0; n < FILES; n++) {
    const dir = path.join(library, `Show ${n % 3}`)
    await mkdir(dir, { recursive: true })
    await writeFile(path.join(dir, `Show S01E${String(n).padStart(2, '0')}.mp4`), deterministicBytes(n + 1, 40_000))
  }
})

afterAll(async () => { await scratch?.remove() })

async function start (log: Logger = silentLogger): Promise<RunningSeedNode> {
  return await startScratchSeedNode(scratch, log)
}

/** Name, size and mtime of every file under the state folder. */
async function stateFiles (): Promise<Array<{ name: string, size: number, mtimeMs: number }>> {
  const names = (await readdir(stateDir, { recursive: true })).sort()
  const files = await Promise.all(names.map(async name => ({ name, stats: await stat(path.join(stateDir, name)) })))
  return files.filter(file => file.stats.isFile()).map(({ name, stats }) => ({ name, size: stats.size, mtimeMs: stats.mtimeMs }))
}

function idsByPath (node: RunningSeedNode): Map<string, string> {
  return new Map(node.registry.list().map(item => [item.stored.relativePath, item.stored.infoHash]))
}

/** The items the journal holds (the state after a first ingest of a small library). */
async function journalItems (): Promise<StoredItem[]> {
  const text = await readFile(path.join(stateDir, 'library-index.journal'), 'utf8')
  const items = new Map<string, StoredItem>()
  for (const line of text.split('\n')) {
    const entry = line === '' ? null : decodeJournalLine(line)
    if (entry && 'put' in entry) items.set(entry.put.relativePath, entry.put)
  }
  return [...items.values()]
}

describe('the state folder', () => {
  it('is not written by a rescan of an unchanged library, and its index not by a restart over it', { timeout: 120 * 1000 }, async () => {
    const first = await start()
    expect(first.ingest.stats.itemsHashed).toBe(FILES)
    await first.close()
    const library = async (): Promise<unknown[]> => (await stateFiles()).filter(file => file.name.startsWith('library-index') || file.name.startsWith('torrents'))
    const afterIngest = await library()
    expect(afterIngest.map(file => (file as { name: string }).name)).toContain('library-index.journal')

    const second = await start()
    try {
      expect(second.ingest.stats.itemsHashed).toBe(0)
      expect(await library()).toEqual(afterIngest)
      // Idle: rescans of the unchanged library write nothing at all to the state folder.
      const idle = await stateFiles()
      await second.ingest.scan()
      await second.ingest.scan()
      expect(second.ingest.stats.scans).toBe(3)
      expect(await stateFiles()).toEqual(idle)
    } finally {
      await second.close()
    }
    expect(await library()).toEqual(afterIngest)
  })

  it('recovers from a damaged index, hashing only the damaged items again, with the same ids', { timeout: 120 * 1000 }, async () => {
    const reference = await start()
    const ids = idsByPath(reference)
    await reference.close()
    const items = (await journalItems()).sort((a, b) => a.relativePath.localeCompare(b.relativePath))
    expect(items).toHaveLength(FILES)

    // A snapshot with one wrong entry, torn before its last item; the journal emptied.
    const wrongPath = items[3]?.relativePath ?? ''
    const tornPath = items.at(-1)?.relativePath ?? ''
    const snapshot = encodeIndex(items).replace(`"relativePath":${JSON.stringify(wrongPath)},"infoHash":"`, `"relativePath":${JSON.stringify(wrongPath)},"infoHash":"zz`)
    await writeFile(path.join(stateDir, 'library-index.json'), snapshot.slice(0, snapshot.length - 60))
    await writeFile(path.join(stateDir, 'library-index.journal'), '')

    const events: Array<{ event: string, fields: LogFields | undefined }> = []
    const keep = (event: string, fields?: LogFields): void => { events.push({ event, fields }) }
    const node = await start({ debug: () => {}, info: keep, warn: keep, error: keep })
    try {
      const damaged = events.find(e => e.event === 'state.index_damaged')
      expect(damaged?.fields).toMatchObject({ itemsKept: FILES - 2, itemsDropped: 1 })
      expect(String(damaged?.fields?.dropped)).toContain(wrongPath)
      const hashed = events.filter(e => e.event === 'ingest.hashed').map(e => e.fields?.path).sort()
      expect(hashed).toEqual([wrongPath, tornPath].sort())
      expect(node.ingest.stats.itemsHashed).toBe(2)
      expect(idsByPath(node)).toEqual(ids) // nothing lost: every item, every id
      expect((await readdir(stateDir)).filter(name => name.startsWith('library-index.json.corrupt-'))).toHaveLength(1)
    } finally {
      await node.close()
    }
    // The damaged snapshot was replaced by a whole one: the next start trusts it and hashes nothing.
    const again = await start()
    try {
      expect(again.ingest.stats.itemsHashed).toBe(0)
      expect(idsByPath(again)).toEqual(ids)
    } finally {
      await again.close()
    }
  })
})
