/**
 * The USB disk is pulled out and plugged back in (the library folder renamed away and
 * back): every item reports offline while it is gone, the seed node stays up and keeps
 * answering, and the items come back online without hashing anything again.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { cp, rename } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RunningSeedNode } from '../seed-node.ts'
import { makeScratchFolder, startScratchSeedNode, type ScratchFolder } from '../testing/scratch-seed-node.ts'
import { parseCatalog } from '../../protocol/catalog.ts'

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../sample-library')

let scratch: ScratchFolder
let library: string
let node: RunningSeedNode

beforeAll(async () => {
  scratch = await makeScratchFolder('hearth-disk-', 'usb-disk')
  library = scratch.library
  await cp(SAMPLES, library, { recursive: true })
  node = await startScratchSeedNode(scratch)
})

afterAll(async () => {
  await node?.close()
  await scratch?.remove()
})

async function availability (): Promise<string[]> {
  const res = await fetch(`${node.url}/api/catalog`, { headers: { authorization: `Bearer ${node.access.credential}` } })
  expect(res.status).toBe(200)
  return parseCatalog(await res.json()).items.map(item => item.availability)
}

describe('the library disk vanishes and returns', () => {
  it('takes every item offline, stays up, and brings them back without rehashing', async () => {
    expect(await availability()).toEqual(['online', 'online', 'online'])
    const hashedBefore = node.ingest.stats.piecesHashed

    await rename(library, `${library}.unplugged`)
    await node.ingest.scan()
    expect(await availability()).toEqual(['offline', 'offline', 'offline'])
    const item = node.registry.list()[0]
    if (!item) throw new Error('no item')
    const webSeed = await fetch(`${node.url}/webseed/${node.access.credential}/${item.stored.infoHash}/${encodeURIComponent(item.mediaTorrentPath)}`)
    expect(webSeed.status).toBe(503)
    expect(node.seeder.stats().torrents).toBe(0)

    await rename(`${library}.unplugged`, library)
    await node.ingest.scan()
    expect(await availability()).toEqual(['online', 'online', 'online'])
    expect(node.ingest.stats.piecesHashed).toBe(hashedBefore)
    expect(node.seeder.stats().torrents).toBe(3)
  })
})
