/**
 * `GET /api/catalog`, streamed: the document is written item by item, so a 10,000-item
 * library is never held in memory as one giant string. `?offset=&limit=` serves one page
 * (limit at most MAX_PAGE_ITEMS); the `total` field says how many items there are in all.
 *
 * It is compressed as it streams (brotli or gzip, as `Accept-Encoding` allows: JSON of
 * magnets and paths shrinks about tenfold) and carries an ETag made from the registry's
 * revision (catalog-revision.ts), so an unchanged catalog is a `304 Not Modified` that costs no
 * serialisation at all, and a changed one a single pass that sends it.
 */
import type { ServerResponse } from 'node:http'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import type { LibraryItem } from '../library/library-item.ts'
import { toCatalogItem, type CatalogContext } from '../library/catalog-builder.ts'
import { createCompressor, pickContentCoding } from './content-encoding.ts'
import { codedTag, etagMatches } from './catalog-revision.ts'

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
function * catalogChunks (items: LibraryItem[], context: CatalogContext, offset: number, total: number, revision: string | null): Generator<string> {
  const head = { version: 1, ...(revision === null ? {} : { revision }), libraryName: context.libraryName, trackerUrl: context.trackerUrl, total, offset }
  yield JSON.stringify(head).slice(0, -1) + ',"items":['
  for (let start = 0; start < items.length; start += ITEMS_PER_WRITE) {
    yield (start === 0 ? '' : ',') + items.slice(start, start + ITEMS_PER_WRITE).map(item => JSON.stringify(toCatalogItem(item, context))).join(',')
  }
  yield ']}'
}

async function writeAll (target: Writable, chunks: Iterable<string>, res: ServerResponse): Promise<boolean> {
  for (const chunk of chunks) {
    if (res.destroyed) return false
    if (!target.write(chunk)) await Promise.race([once(target, 'drain'), once(res, 'close')])
  }
  return !res.destroyed
}

/** The ETag of the whole catalog at `revision`, or of one page of it. */
export function catalogTag (revision: string, page: CatalogPage): string {
  return page.offset === 0 && page.limit === null ? `"${revision}"` : `"${revision}.${page.offset}-${page.limit ?? 'all'}"`
}

/** Headers every catalog answer carries (the whole catalog, a page, a delta, a 304). */
export function catalogHeaders (tag: string, coding: ReturnType<typeof pickContentCoding>): Record<string, string> {
  return {
    'content-type': 'application/json; charset=utf-8',
    // Cached, but asked again every time: the ETag makes that ask cheap.
    'cache-control': 'no-cache',
    vary: 'Accept-Encoding',
    etag: codedTag(tag, coding)
  }
}

/**
 * Sends the catalog (`all` items, in catalog order) at `revision` (the registry's, read with
 * `all`). Items changed in place while it streams show their newer state; their change counter
 * is past `revision`, so the next delta carries them again.
 */
export async function streamCatalog (res: ServerResponse, all: LibraryItem[], context: CatalogContext, page: CatalogPage, headOnly: boolean, revision: string, request: CatalogRequestHeaders = { acceptEncoding: undefined, ifNoneMatch: undefined }): Promise<void> {
  const end = page.limit === null ? all.length : Math.min(all.length, page.offset + page.limit)
  const selected = all.slice(page.offset, end)
  const whole = page.offset === 0 && page.limit === null
  await answerCatalog(res, catalogTag(revision, page), request, headOnly, () => catalogChunks(selected, context, page.offset, all.length, whole ? revision : null))
}

/**
 * Every catalog answer (the whole catalog, a page, a delta) for the body tagged `tag`: a 304
 * when the caller already has it, the headers alone for HEAD, else a 200 with the body that
 * `chunks` makes (only then), compressed as it is written when the caller accepts it.
 */
export async function answerCatalog (res: ServerResponse, tag: string, request: CatalogRequestHeaders, headOnly: boolean, chunks: () => Iterable<string>): Promise<void> {
  const coding = pickContentCoding(request.acceptEncoding)
  const headers = catalogHeaders(tag, coding)
  if (etagMatches(request.ifNoneMatch, tag)) {
    res.writeHead(304, headers).end()
    return
  }
  if (coding !== 'identity') headers['content-encoding'] = coding
  res.writeHead(200, headers)
  if (headOnly) {
    res.end()
    return
  }
  const body = chunks()
  if (coding === 'identity') {
    if (await writeAll(res, body, res)) res.end()
    return
  }
  const compressor = createCompressor(coding)
  compressor.pipe(res)
  res.once('close', () => compressor.destroy())
  if (await writeAll(compressor, body, res)) compressor.end()
}
