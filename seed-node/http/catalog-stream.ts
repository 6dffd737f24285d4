/**
 * `GET /api/catalog`, streamed: the document is written item by item, so a 10,000-item
 * library is never held in memory as one giant string. `?offset=&limit=` serves one page
 * (limit at most MAX_PAGE_ITEMS); the `total` field says how many items there are in all.
 *
 * It is compressed as it streams (brotli or gzip, as `Accept-Encoding` allows: JSON of
 * magnets and paths shrinks about tenfold) and carries an ETag: a first pass hashes the
 * document chunk by chunk without keeping it, so an unchanged catalog costs one serialisation
 * and a `304 Not Modified`, and a changed one a second pass that sends it.
 */
import type { ServerResponse } from 'node:http'
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import type { LibraryItem } from '../library/library-item.ts'
import { toCatalogItem, type CatalogContext } from '../library/catalog-builder.ts'
import { createCompressor, pickContentCoding } from './content-encoding.ts'

export const MAX_PAGE_ITEMS = 1000
/** Items serialised per write: small enough to stay light, large enough to be fast. */
const ITEMS_PER_WRITE = 100

export interface CatalogPage { offset: number, limit: number | null }

/** What the request says about caching and compression. */
export interface CatalogRequestHeaders {
  acceptEncoding: string | undefined
  ifNoneMatch: string | undefined
}

/** Parses `offset` and `limit`; an error message for values out of bounds. */
export function parseCatalogPage (query: URLSearchParams): CatalogPage | { error: string } {
  const offsetText = query.get('offset')
  const limitText = query.get('limit')
  const offset = offsetText === null ? 0 : Number(offsetText)
  const limit = limitText === null ? null : Number(limitText)
  if (!Number.isInteger(offset) || offset < 0) return { error: `offset must be a whole number ≥ 0, got ${offsetText}` }
  if (limit !== null && (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_ITEMS)) return { error: `limit must be 1-${MAX_PAGE_ITEMS}, got ${limitText}` }
  return { offset, limit }
}

/** The document's pieces, made on demand: the head, then items a chunk at a time, then the tail. */
function * catalogChunks (items: LibraryItem[], context: CatalogContext, offset: number, total: number): Generator<string> {
  const head = { version: 1, libraryName: context.libraryName, trackerUrl: context.trackerUrl, total, offset }
  yield JSON.stringify(head).slice(0, -1) + ',"items":['
  for (let start = 0; start < items.length; start += ITEMS_PER_WRITE) {
    yield (start === 0 ? '' : ',') + items.slice(start, start + ITEMS_PER_WRITE).map(item => JSON.stringify(toCatalogItem(item, context))).join(',')
  }
  yield ']}'
}

/** True when any tag of an `If-None-Match` list names this document (weak comparison, any coding). */
function matches (ifNoneMatch: string | undefined, tag: string): boolean {
  if (ifNoneMatch === undefined) return false
  return ifNoneMatch.split(',').some(candidate => {
    const value = candidate.trim().replace(/^W\//, '')
    return value === '*' || value.replace(/-(br|gzip)"$/, '"') === tag
  })
}

async function writeAll (target: Writable, chunks: Iterable<string>, res: ServerResponse): Promise<boolean> {
  for (const chunk of chunks) {
    if (res.destroyed) return false
    if (!target.write(chunk)) await Promise.race([once(target, 'drain'), once(res, 'close')])
  }
  return !res.destroyed
}

export async function streamCatalog (res: ServerResponse, all: LibraryItem[], context: CatalogContext, page: CatalogPage, headOnly: boolean, request: CatalogRequestHeaders = { acceptEncoding: undefined, ifNoneMatch: undefined }): Promise<void> {
  const end = page.limit === null ? all.length : Math.min(all.length, page.offset + page.limit)
  const selected = all.slice(page.offset, end)
  const document = (): Generator<string> => catalogChunks(selected, context, page.offset, all.length)
  const hash = createHash('sha256')
  for (const chunk of document()) hash.update(chunk)
  const tag = `"${hash.digest('base64url').slice(0, 27)}"`
  const coding = pickContentCoding(request.acceptEncoding)
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    // Cached, but asked again every time: the ETag makes that ask cheap.
    'cache-control': 'no-cache',
    vary: 'Accept-Encoding',
    etag: coding === 'identity' ? tag : `${tag.slice(0, -1)}-${coding}"`
  }
  if (matches(request.ifNoneMatch, tag)) {
    res.writeHead(304, headers).end()
    return
  }
  if (coding !== 'identity') headers['content-encoding'] = coding
  res.writeHead(200, headers)
  if (headOnly) {
    res.end()
    return
  }
  if (coding === 'identity') {
    if (await writeAll(res, document(), res)) res.end()
    return
  }
  const compressor = createCompressor(coding)
  compressor.pipe(res)
  res.once('close', () => compressor.destroy())
  if (await writeAll(compressor, document(), res)) compressor.end()
}
