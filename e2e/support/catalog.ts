/** Reads the seed node's catalog through the same parser the app uses. */
import { parseCatalog, type CatalogItem } from '../../protocol/catalog.ts'

/** The seed node to ask, with the household credential its API requires. */
export interface SeedNodeApi { url: string, credential: string }

export async function fetchCatalogItems (node: SeedNodeApi): Promise<CatalogItem[]> {
  const res = await fetch(`${node.url}/api/catalog`, { headers: { authorization: `Bearer ${node.credential}` } })
  if (!res.ok) throw new Error(`GET /api/catalog answered ${res.status}`)
  return parseCatalog(await res.json()).items
}

export async function itemByMediaPath (node: SeedNodeApi, mediaPathEnd: string): Promise<CatalogItem> {
  const items = await fetchCatalogItems(node)
  const item = items.find(candidate => candidate.mediaPath.endsWith(mediaPathEnd))
  if (!item) throw new Error(`no catalog item ending in ${mediaPathEnd}; have ${items.map(i => i.mediaPath).join(', ')}`)
  return item
}
