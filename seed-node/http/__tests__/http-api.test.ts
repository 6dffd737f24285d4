/**
 * The seed node's HTTP surface against a real node started in-process on 127.0.0.1:
 * catalog, item lookup, web seed ranges, and what happens when a file vanishes.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { copyFile, mkdir, rm, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RunningSeedNode } from '../../seed-node.ts'
import { makeScratchFolder, startScratchSeedNode, type ScratchFolder } from '../../testing/scratch-seed-node.ts'
import { parseCatalog } from '../../../protocol/catalog.ts'
import { createLogger, type LogLevel } from '../../lib/log.ts'

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../sample-library')
const CLIP = 'Films/Colour Bars at Dusk (2026).mp4'
const OTHER = 'Films/A Life in Cells (2025).webm'

let scratch: ScratchFolder
let library: string
let node: RunningSeedNode
const logLines: string[] = []

beforeAll(async () => {
  scratch = await makeScratchFolder('hearth-http-')
  library = scratch.library
  await mkdir(path.join(library, 'Films'), { recursive: true })
  for (const file of [CLIP, OTHER]) await copyFile(path.join(SAMPLES, file), path.join(library, file))
  const log = createLogger('info', (line: string, _level: LogLevel) => { logLines.push(line) })
  node = await startScratchSeedNode(scratch, log)
})

afterAll(async () => {
  await node?.close()
  await scratch?.remove()
})

function auth (): RequestInit {
  return { headers: { authorization: `Bearer ${node.access.credential}` } }
}

async function catalog () {
  const res = await fetch(`${node.url}/api/catalog`, auth())
  expect(res.status).toBe(200)
  return parseCatalog(await res.json())
}

describe('seed node HTTP API', () => {
  it('serves a catalog that parses, with magnets naming the tracker and web seed as the caller reached us', async () => {
    const { items, trackerUrl } = await catalog()
    expect(items).toHaveLength(2)
    const token = node.access.credential
    expect(trackerUrl).toBe(`ws://127.0.0.1:${node.port}/announce/${token}`)
    for (const item of items) {
      expect(item.magnet).toContain(`xt=urn:btih:${item.id}`)
      expect(decodeURIComponent(item.magnet)).toContain(`ws=http://127.0.0.1:${node.port}/webseed/${token}/${item.id}/`)
    }
  })

  it('answers 404 with a code for an unknown item id', async () => {
    const res = await fetch(`${node.url}/api/catalog/${'0'.repeat(40)}`, auth())
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ error: 'HEARTH_E_UNKNOWN_ITEM' })
  })

  it('serves web seed ranges byte for byte, and 416 past the end', async () => {
    const item = (await catalog()).items.find(candidate => candidate.mediaPath.endsWith('.mp4'))
    if (!item) throw new Error('mp4 missing')
    const url = `${node.url}/webseed/${node.access.credential}/${item.id}/${encodeURIComponent(item.mediaPath)}`
    const original = await readFile(path.join(library, CLIP))

    const partial = await fetch(url, { headers: { range: 'bytes=1000-1999' } })
    expect(partial.status).toBe(206)
    expect(partial.headers.get('content-range')).toBe(`bytes 1000-1999/${original.length}`)
    expect(Buffer.from(await partial.arrayBuffer()).equals(original.subarray(1000, 2000))).toBe(true)

    const past = await fetch(url, { headers: { range: `bytes=${original.length + 10}-` } })
    expect(past.status).toBe(416)
    expect(past.headers.get('content-range')).toBe(`bytes */${original.length}`)

    expect((await fetch(`${node.url}/webseed/${node.access.credential}/${'f'.repeat(40)}/x.mp4`)).status).toBe(404)
    expect((await fetch(`${node.url}/webseed/${node.access.credential}/${item.id}/not-in-torrent.mp4`)).status).toBe(404)
  })

  it('answers 405 for a write method and 404 for an unknown API path', async () => {
    expect((await fetch(`${node.url}/api/catalog`, { method: 'DELETE', ...auth() })).status).toBe(405)
    expect((await fetch(`${node.url}/api/nope`, auth())).status).toBe(404)
  })

  it('takes a vanished file offline with a warning and keeps serving the rest', async () => {
    await rm(path.join(library, OTHER))
    await node.ingest.scan()
    const { items } = await catalog()
    const gone = items.find(item => item.mediaPath.endsWith('.webm'))
    const kept = items.find(item => item.mediaPath.endsWith('.mp4'))
    expect(gone?.availability).toBe('offline')
    expect(kept?.availability).toBe('online')
    expect(logLines.some(line => line.includes('WARN') && line.includes('ingest.item_offline'))).toBe(true)
    expect(node.seeder.isSeeding(gone?.id ?? '')).toBe(false)
    expect(node.seeder.isSeeding(kept?.id ?? '')).toBe(true)

    await copyFile(path.join(SAMPLES, OTHER), path.join(library, OTHER))
    await node.ingest.scan()
    const back = (await catalog()).items.find(item => item.mediaPath.endsWith('.webm'))
    expect(back?.availability).toBe('online')
  })
})

describe('catalog paging', () => {
  it('serves one page with the total, and refuses a limit out of bounds', async () => {
    const page = await fetch(`${node.url}/api/catalog?offset=1&limit=1`, auth())
    expect(page.status).toBe(200)
    const body = parseCatalog(await page.json())
    expect(body.items).toHaveLength(1)
    expect(body.total).toBe(2)
    expect(body.offset).toBe(1)
    const full = parseCatalog(await (await fetch(`${node.url}/api/catalog`, auth())).json())
    expect(body.items[0]?.id).toBe(full.items[1]?.id)
    expect((await fetch(`${node.url}/api/catalog?limit=100000`, auth())).status).toBe(400)
    expect((await fetch(`${node.url}/api/catalog?offset=-1`, auth())).status).toBe(400)
  })
})
