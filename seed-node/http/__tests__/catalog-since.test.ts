/**
 * `GET /api/catalog?since=<revision>` on a real seed node: only what changed (an added film,
 * a removed one), a 304 when nothing did, the whole catalog for a revision this run did not
 * make, and a 400 for one that is not a revision. A rescan that finds nothing new is no change.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import http from 'node:http'
import { copyFile, mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RunningSeedNode } from '../../seed-node.ts'
import { makeScratchFolder, startScratchSeedNode, type ScratchFolder } from '../../testing/scratch-seed-node.ts'
import { parseCatalog, type Catalog } from '../../../protocol/catalog.ts'
import { applyCatalogDelta, CatalogUpdate, isCatalogDelta } from '../../../protocol/catalog-delta.ts'

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../sample-library')
const FIRST = 'Films/Colour Bars at Dusk (2026).mp4'
const SECOND = 'Films/A Life in Cells (2025).webm'

let scratch: ScratchFolder
let library: string
let node: RunningSeedNode

beforeAll(async () => {
  scratch = await makeScratchFolder('hearth-catalog-since-')
  library = scratch.library
  await mkdir(path.join(library, 'Films'), { recursive: true })
  await copyFile(path.join(SAMPLES, FIRST), path.join(library, FIRST))
  node = await startScratchSeedNode(scratch)
})

afterAll(async () => {
  await node?.close()
  await scratch?.remove()
})

async function get (pathname: string, headers: Record<string, string> = {}): Promise<{ status: number, etag: string | undefined, json: unknown }> {
  return await new Promise((resolve, reject) => {
    const req = http.get(`${node.url}${pathname}`, { headers: { authorization: `Bearer ${node.access.credential}`, ...headers } }, res => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        resolve({ status: res.statusCode ?? 0, etag: res.headers.etag, json: text === '' ? null : JSON.parse(text) as unknown })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
  })
}

async function whole (): Promise<Catalog> {
  return parseCatalog((await get('/api/catalog')).json)
}

async function since (revision: string): Promise<CatalogUpdate> {
  const reply = await get(`/api/catalog?since=${encodeURIComponent(revision)}`)
  expect(reply.status).toBe(200)
  return CatalogUpdate.parse(reply.json)
}

describe('GET /api/catalog?since=', () => {
  it('answers 304 to the current revision, and a rescan that finds nothing new changes nothing', async () => {
    const before = await whole()
    expect(before.revision).toMatch(/^[\w-]+\.\d+\.[\w-]+$/)
    await node.ingest.scan()
    const after = await whole()
    expect(after.revision).toBe(before.revision)
    const reply = await get(`/api/catalog?since=${before.revision ?? ''}`, { 'if-none-match': `"${before.revision ?? ''}"` })
    expect(reply.status).toBe(304)
    const empty = await since(before.revision ?? '')
    expect(isCatalogDelta(empty) && empty.changed.length === 0 && empty.removed.length === 0).toBe(true)
  })

  it('sends only the added item, then only the removed id, and the delta rebuilds the catalog', async () => {
    const before = await whole()
    await copyFile(path.join(SAMPLES, SECOND), path.join(library, SECOND))
    await node.ingest.scan()
    const added = await since(before.revision ?? '')
    if (!isCatalogDelta(added)) throw new Error('expected a delta')
    expect(added.changed.map(item => item.mediaPath)).toEqual([path.posix.basename(SECOND)])
    expect(added.removed).toEqual([])
    const applied = applyCatalogDelta(before, added)
    const now = await whole()
    expect(applied.items.map(item => item.id)).toEqual(now.items.map(item => item.id))
    expect(applied.revision).toBe(now.revision)

    const removedId = now.items.find(item => item.mediaPath.endsWith('.mp4'))?.id
    await rm(path.join(library, FIRST))
    await node.ingest.scan()
    // A vanished file is taken offline first: a change, not a removal.
    const offline = await since(now.revision ?? '')
    if (!isCatalogDelta(offline)) throw new Error('expected a delta')
    expect(offline.changed.map(item => [item.id, item.availability])).toEqual([[removedId, 'offline']])
    node.registry.remove(removedId ?? '')
    const removed = await since(now.revision ?? '')
    if (!isCatalogDelta(removed)) throw new Error('expected a delta')
    expect(removed.removed).toEqual([removedId])
    expect(applyCatalogDelta(applied, removed).items.map(item => item.mediaPath)).toEqual([path.posix.basename(SECOND)])
  })

  it('answers the whole catalog for a revision of another run or view, and 400 for a malformed one', async () => {
    const current = await whole()
    const [, counter, view] = (current.revision ?? '').split('.')
    for (const unknown of [`otherrun.${counter ?? ''}.${view ?? ''}`, `${(current.revision ?? '').split('.')[0] ?? ''}.${counter ?? ''}.otherview`, `${(current.revision ?? '').split('.')[0] ?? ''}.99999.${view ?? ''}`]) {
      const update = await since(unknown)
      expect(isCatalogDelta(update)).toBe(false)
      expect('items' in update && update.items.length).toBe(current.items.length)
    }
    expect((await get('/api/catalog?since=%3Cscript%3E')).status).toBe(400)
    expect((await get(`/api/catalog?since=${current.revision ?? ''}&limit=5`)).status).toBe(400)
  })
})
