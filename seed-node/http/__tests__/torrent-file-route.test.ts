/**
 * `GET /torrent/<token>/<infohash>.torrent` against a real seed node started in-process: the
 * household gets any item's .torrent, a share token only its own item's, anything else is
 * refused (401 without a token, 403 with a wrong one), and the bytes are the item's torrent
 * (same infohash, no trackers or web seeds carrying a credential).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import parseTorrent from 'parse-torrent'
import { torrentFileUrl } from '../../../protocol/announce-url.ts'
import { parseCatalog, type CatalogItem } from '../../../protocol/catalog.ts'
import { createLogger, type LogLevel } from '../../lib/log.ts'
import { startSeedNode, type RunningSeedNode } from '../../seed-node.ts'

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../sample-library')
const CLIPS = ['Films/Colour Bars at Dusk (2026).mp4', 'Films/A Life in Cells (2025).webm']

let scratch: string
let node: RunningSeedNode
let items: CatalogItem[]
const logLines: string[] = []

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'hearth-torrent-file-'))
  const library = path.join(scratch, 'library')
  await mkdir(path.join(library, 'Films'), { recursive: true })
  for (const clip of CLIPS) await copyFile(path.join(SAMPLES, clip), path.join(library, clip))
  const log = createLogger('info', (line: string, _level: LogLevel) => { logLines.push(line) })
  // Loopback is exempt from bans by default: wrong tokens below must not lock the test out.
  node = await startSeedNode({ libraryDir: library, stateDir: path.join(scratch, 'state'), host: '127.0.0.1', port: 0, rescanIntervalSec: 3600 }, log)
  await node.firstScan
  const res = await fetch(`${node.url}/api/catalog`, { headers: { authorization: `Bearer ${node.access.credential}` } })
  items = parseCatalog(await res.json()).items
  expect(items).toHaveLength(2)
})

afterAll(async () => {
  await node?.close()
  await rm(scratch, { recursive: true, force: true })
})

describe('torrent file endpoint', () => {
  it('gives the household each item\'s torrent: same infohash, files and piece count, no trackers or web seeds', async () => {
    for (const item of items) {
      const res = await fetch(torrentFileUrl(node.url, node.access.credential, item.id))
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/x-bittorrent')
      const parsed = await parseTorrent(new Uint8Array(await res.arrayBuffer()))
      expect(parsed.infoHash).toBe(item.id)
      expect(parsed.pieces?.length).toBe(item.pieceCount)
      expect(parsed.files?.map(file => file.path)).toContain(item.mediaPath)
      expect(parsed.announce ?? []).toEqual([])
      expect(parsed.urlList ?? []).toEqual([])
    }
  })

  it('lets a share token fetch its own item and nothing else', async () => {
    const [shared, other] = items as [CatalogItem, CatalogItem]
    const token = node.access.shareToken(shared.id)
    const own = await fetch(torrentFileUrl(node.url, token, shared.id))
    expect(own.status).toBe(200)
    expect((await parseTorrent(new Uint8Array(await own.arrayBuffer()))).infoHash).toBe(shared.id)
    const beyond = await fetch(torrentFileUrl(node.url, token, other.id))
    expect(beyond.status).toBe(403)
    expect(await beyond.json()).toMatchObject({ error: 'HEARTH_E_FORBIDDEN' })
  })

  it('refuses a wrong token with 403 and a missing one with 401, and never logs the token', async () => {
    const item = items[0]!
    const wrong = await fetch(torrentFileUrl(node.url, 'not-the-credential-0123456789', item.id))
    expect(wrong.status).toBe(403)
    expect(await wrong.json()).toMatchObject({ error: 'HEARTH_E_FORBIDDEN' })
    const missing = await fetch(`${node.url}/torrent/${item.id}.torrent`)
    expect(missing.status).toBe(401)
    expect(await missing.json()).toMatchObject({ error: 'HEARTH_E_UNAUTHENTICATED' })
    expect(logLines.join('\n')).not.toContain('not-the-credential-0123456789')
  })

  it('answers 404 for an infohash that is no library item, even to the household', async () => {
    const res = await fetch(torrentFileUrl(node.url, node.access.credential, 'f'.repeat(40)))
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ error: 'HEARTH_E_UNKNOWN_ITEM' })
  })
})
