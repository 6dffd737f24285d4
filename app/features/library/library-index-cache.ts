/**
 * One search index per catalog: built the first time a page asks for it and shared by the
 * library page and show pages until a new catalog arrives (keyed by the items array).
 */
import type { CatalogItem } from '../../../protocol/catalog.ts'
import { buildLibraryIndex, type LibraryIndex } from './search-index.ts'

const cache = new WeakMap<readonly CatalogItem[], LibraryIndex>()

export function libraryIndexFor (items: readonly CatalogItem[]): LibraryIndex {
  let index = cache.get(items)
  if (!index) {
    index = buildLibraryIndex(items)
    cache.set(items, index)
  }
  return index
}
