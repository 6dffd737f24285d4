/**
 * `GET /api/catalog`, streamed: the document is written item by item, so a 10,000-item
 * library is never held in memory as one giant string. `?offset=&limit=` serves one page
 * (limit at most MAX_PAGE_ITEMS); the `total` field says how many items there are in all.
 */
import type { ServerResponse } from 'node:http'
import { once } from 'node:events'
import type { LibraryItem } from '../library/library-item.ts'
import { toCatalogItem, type CatalogContext } from '../library/catalog-builder.ts'

export const MAX_PAGE_ITEMS = 1000
/** Items serialised per write: small enough to stay light, large enough to be fast. */
const ITEMS_PER_WRITE = 100

export interface CatalogPage { offset: number, limit: number | null }

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

export async function streamCatalog (res: ServerResponse, items: LibraryItem[], context: CatalogContext, page: CatalogPage, headOnly: boolean): Promise<void> {
  const end = page.limit === null ? items.length : Math.min(items.length, page.offset + page.limit)
  const selected = items.slice(page.offset, end)
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' })
  if (headOnly) {
    res.end()
    return
  }
  const head = { version: 1, libraryName: context.libraryName, trackerUrl: context.trackerUrl, total: items.length, offset: page.offset }
  res.write(JSON.stringify(head).slice(0, -1) + ',"items":[')
  for (let start = 0; start < selected.length; start += ITEMS_PER_WRITE) {
    const chunk = selected.slice(start, start + ITEMS_PER_WRITE).map(item => JSON.stringify(toCatalogItem(item, context))).join(',')
    const writable = res.write((start === 0 ? '' : ',') + chunk)
    if (!writable && !res.destroyed) await once(res, 'drain')
    if (res.destroyed) return
  }
  res.end(']}')
}
