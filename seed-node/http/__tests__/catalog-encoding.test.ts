/**
 * The catalog is compressed as `Accept-Encoding` allows (brotli, gzip, or none when refused
 * with q=0) and carries an ETag: asked again with it, an unchanged catalog is a bodyless 304.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import http from 'node:http'
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { startSeedNode, type RunningSeedNode } from '../../seed-node.ts'
import { parseCatalog } from '../../../protocol/catalog.ts'
import { silentLogger } from '../../lib/log.ts'
import { pickContentCoding } from '../content-encoding.ts'

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../sample-library')
const CLIPS = ['Films/Colour Bars at Dusk (2026).mp4', 'Films/A Life in Cells (2025).webm']

let scratch: string
let node: RunningSeedNode

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'hearth-catalog-encoding-'))
  const library = path.join(scratch, 'library')
  await mkdir(path.join(library, 'Films'), { recursive: true })
  for (const file of CLIPS) await copyFile(path.join(SAMPLES, file), path.join(library, file))
  node = await startSeedNode({ libraryDir: library, stateDir: path.join(scratch, 'state'), host: '127.0.0.1', port: 0, rescanIntervalSec: 3600, libraryName: 'Encoding test' }, silentLogger)
  await node.firstScan
})

afterAll(async () => {
  await node?.close()
  await rm(scratch, { recursive: true, force: true })
})

interface RawReply { status: number, headers: http.IncomingHttpHeaders, body: Buffer }

async function get (headers: Record<string, string>, pathname = '/api/catalog'): Promise<RawReply> {
  return await new Promise((resolve, reject) => {
    const req = http.get(`${node.url}${pathname}`, { headers: { authorization: `Bearer ${node.access.credential}`, ...headers } }, res => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
  })
}

describe('GET /api/catalog encoding and caching', () => {
  it('sends brotli, gzip or plain JSON as the request accepts, all the same catalog', async () => {
    const plain = await get({ 'accept-encoding': 'identity' })
    const gzip = await get({ 'accept-encoding': 'gzip, deflate' })
    const brotli = await get({ 'accept-encoding': 'gzip, deflate, br' })
    const refused = await get({ 'accept-encoding': 'br;q=0, gzip;q=0' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(brotli.headers['content-encoding']).toBe('br')
    expect(refused.headers['content-encoding']).toBeUndefined()
    expect(brotli.headers.vary).toBe('Accept-Encoding')
    const catalog = parseCatalog(JSON.parse(plain.body.toString('utf8')))
    expect(catalog.items).toHaveLength(2)
    expect(catalog.libraryName).toBe('Encoding test')
    expect(gunzipSync(gzip.body).toString('utf8')).toBe(plain.body.toString('utf8'))
    expect(brotliDecompressSync(brotli.body).toString('utf8')).toBe(plain.body.toString('utf8'))
    expect(brotli.body.length).toBeLessThan(plain.body.length / 2)
  })

  it('answers 304 to its ETag, in any coding, and 200 to another', async () => {
    const first = await get({ 'accept-encoding': 'gzip' })
    const tag = first.headers.etag
    expect(tag).toMatch(/^"[\w.-]+-gzip"$/)
    const again = await get({ 'accept-encoding': 'gzip', 'if-none-match': String(tag) })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    const plainTag = (await get({})).headers.etag
    expect((await get({ 'if-none-match': `W/${String(plainTag)}`, 'accept-encoding': 'br' })).status).toBe(304)
    expect((await get({ 'if-none-match': '"something-else"' })).status).toBe(200)
    // Another page is another document.
    expect((await get({ 'if-none-match': String(plainTag) }, '/api/catalog?limit=1')).status).toBe(200)
  })

  it('reads Accept-Encoding by its rules', () => {
    expect(pickContentCoding(undefined)).toBe('identity')
    expect(pickContentCoding('*')).toBe('br')
    expect(pickContentCoding('br;q=0, *;q=0.5')).toBe('gzip')
    expect(pickContentCoding('GZIP')).toBe('gzip')
    expect(pickContentCoding('deflate')).toBe('identity')
  })
})
