/** Reads the seed node's catalog through the same parser the app uses. */
import { parseCatalog, type CatalogItem } from '../../protocol/catalog.ts'

export async function fetchCatalogItems (baseUrl: string): Promise<CatalogItem[]> {
  const res = await fetch(`${baseUrl}/api/catalog`)
  if (!res.ok) throw new Error(`GET /api/catalog answered ${res.status}`)
  return parseCatalog(await res.json()).items
}

export async function itemByMediaPath (baseUrl: string, mediaPathEnd: string): Promise<CatalogItem> {
  const items = await fetchCatalogItems(baseUrl)
  const item = items.find(candidate => candidate.mediaPath.endsWith(mediaPathEnd))
  if (!item) throw new Error(`no catalog item ending in ${mediaPathEnd}; have ${items.map(i => i.mediaPath).join(', ')}`)
  return item
}
