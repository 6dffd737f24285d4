/**
 * A real seed node over a library with NFO files, a poster, a tagged MP3, a sample and a
 * trailer (testing/metadata-library.ts): the catalog carries what the disk says, and items'
 * pictures are served under the same rules as everything else: the household credential (as
 * a bearer on `/api/…`, or in the path), or a share token for that item alone; 401 without a
 * credential, 403 with a wrong one or another item's share token. A picture is WebP, within
 * the grid's box, cached immutably, and made once (`<state>/art`).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { readdir, rm, utimes } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { mkdtemp } from 'node:fs/promises'
import { startSeedNode, type RunningSeedNode } from '../../seed-node.ts'
import { createLogger, type LogLevel } from '../../lib/log.ts'
import { parseCatalog, type CatalogItem } from '../../../protocol/catalog.ts'
import { makeMetadataLibrary, METADATA_LIBRARY } from '../../testing/metadata-library.ts'
import { ART_BOX } from '../art-maker.ts'

let scratch: string
let library: string
let node: RunningSeedNode
let items: CatalogItem[]
const logLines: string[] = []

function bearer (token: string): RequestInit {
  return { headers: { authorization: `Bearer ${token}` } }
}

function item (mediaPath: string): CatalogItem {
  const found = items.find(candidate => candidate.mediaPath === path.posix.basename(mediaPath))
  if (!found) throw new Error(`no item ${mediaPath} in ${items.map(candidate => candidate.mediaPath).join(', ')}`)
  return found
}

/** Width and height of a WebP (VP8 or VP8L) from its header. */
function webpSize (bytes: Buffer): { width: number, height: number } {
  const chunk = bytes.subarray(12, 16).toString('latin1')
  if (chunk === 'VP8 ') return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff }
  if (chunk === 'VP8L') {
    const bits = bytes.readUInt32LE(21)
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 }
  }
  throw new Error(`not a simple WebP (${chunk})`)
}

async function catalog (): Promise<CatalogItem[]> {
  const res = await fetch(`${node.url}/api/catalog`, bearer(node.access.credential))
  return parseCatalog(await res.json()).items
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'hearth-art-'))
  library = await makeMetadataLibrary()
  const log = createLogger('info', (line: string, _level: LogLevel) => { logLines.push(line) })
  node = await startSeedNode({ libraryDir: library, stateDir: path.join(scratch, 'state'), host: '127.0.0.1', port: 0, banMaxRetry: 100 }, log)
  await node.firstScan
  items = await catalog()
}, 120 * 1000)

afterAll(async () => {
  await node?.close()
  await rm(scratch, { recursive: true, force: true })
  if (library) await rm(library, { recursive: true, force: true })
})

describe('what the disk says reaches the catalog', () => {
  it('an NFO names the film, its year and plot; its poster is offered', () => {
    const film = item(METADATA_LIBRARY.film)
    expect(film).toMatchObject({ title: METADATA_LIBRARY.nfoTitle, year: METADATA_LIBRARY.nfoYear, plot: METADATA_LIBRARY.nfoPlot, genres: ['Adventure', 'Drama'], originalTitle: 'Le Grand Voyage' })
    expect(film.posterUrl).toMatch(/^\/art\//)
  })

  it('ID3 tags name the track, its artist, album, number and year over the folders', () => {
    expect(item(METADATA_LIBRARY.track)).toMatchObject({ kind: 'audio', title: METADATA_LIBRARY.trackTitle, artist: METADATA_LIBRARY.artist, album: METADATA_LIBRARY.album, trackNumber: 3, year: 2019 })
    expect(item(METADATA_LIBRARY.track).posterUrl).toMatch(/^\/art\//)
  })

  it('a sample is not listed; a trailer belongs to its film', () => {
    expect(items.some(candidate => candidate.mediaPath.includes('sample'))).toBe(false)
    expect(item(METADATA_LIBRARY.trailer).extra).toEqual({ kind: 'trailer', of: item(METADATA_LIBRARY.film).id })
  })

  it('a film with no picture gets a frame thumbnail', () => {
    expect(item(METADATA_LIBRARY.frameFilm).posterUrl).toMatch(/^\/art\//)
  })
})

describe('pictures are served under the household\'s access rules', () => {
  it('with the credential in the path: a WebP within the grid box, cached immutably, 304 on its ETag', async () => {
    for (const mediaPath of [METADATA_LIBRARY.film, METADATA_LIBRARY.track, METADATA_LIBRARY.frameFilm]) {
      const res = await fetch(`${node.url}${item(mediaPath).posterUrl ?? ''}`)
      expect(res.status, mediaPath).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/webp')
      expect(res.headers.get('cache-control')).toContain('immutable')
      const size = webpSize(Buffer.from(await res.arrayBuffer()))
      expect(size.width).toBeGreaterThan(0)
      expect(size.width).toBeLessThanOrEqual(ART_BOX.width)
      expect(size.height).toBeLessThanOrEqual(ART_BOX.height)
      const again = await fetch(`${node.url}${item(mediaPath).posterUrl ?? ''}`, { headers: { 'if-none-match': res.headers.get('etag') ?? '' } })
      expect(again.status).toBe(304)
    }
  })

  it('on /api/: 401 without a credential, 403 with a wrong one, 200 with the household one', async () => {
    const film = item(METADATA_LIBRARY.film)
    const key = (film.posterUrl ?? '').split('/').at(-1) ?? ''
    const apiPath = `${node.url}/api/catalog/${film.id}/art/${key}`
    expect((await fetch(apiPath)).status).toBe(401)
    expect((await fetch(apiPath, bearer('x'.repeat(43)))).status).toBe(403)
    expect((await fetch(apiPath, bearer(node.access.credential))).status).toBe(200)
  })

  it('in the path: 403 with a wrong token or another item\'s share token, 200 with this item\'s share token', async () => {
    const film = item(METADATA_LIBRARY.film)
    const key = (film.posterUrl ?? '').split('/').at(-1) ?? ''
    const other = item(METADATA_LIBRARY.frameFilm).id
    expect((await fetch(`${node.url}/art/${'x'.repeat(43)}/${film.id}/${key}`)).status).toBe(403)
    expect((await fetch(`${node.url}/art/${node.access.shareToken(other)}/${film.id}/${key}`)).status).toBe(403)
    expect((await fetch(`${node.url}/art/${node.access.shareToken(film.id)}/${film.id}/${key}`)).status).toBe(200)
  })

  it('a key the item does not have is a 404, never a file of the state folder', async () => {
    const film = item(METADATA_LIBRARY.film)
    expect((await fetch(`${node.url}/api/catalog/${film.id}/art/${'A'.repeat(22)}`, bearer(node.access.credential))).status).toBe(404)
    expect((await fetch(`${node.url}/api/catalog/${film.id}/art/..%2F..%2Flibrary-key`, bearer(node.access.credential))).status).toBe(404)
  })

  it('a replaced poster gets a new URL and a new picture; the old one is not served', async () => {
    const film = item(METADATA_LIBRARY.film)
    const before = film.posterUrl ?? ''
    const poster = path.join(library, path.posix.dirname(METADATA_LIBRARY.film), 'poster.jpg')
    const later = new Date(Date.now() + 60 * 1000)
    await utimes(poster, later, later)
    await node.ingest.scan()
    const after = (await catalog()).find(candidate => candidate.id === film.id)?.posterUrl
    expect(after).toMatch(/^\/art\//)
    expect(after).not.toBe(before)
    expect((await fetch(`${node.url}${before}`)).status).toBe(404)
    expect((await fetch(`${node.url}${after ?? ''}`)).status).toBe(200)
    const made = (await readdir(path.join(scratch, 'state', 'art'))).filter(name => name.endsWith('.webp'))
    expect(made.length).toBeGreaterThanOrEqual(4)
  })
})
