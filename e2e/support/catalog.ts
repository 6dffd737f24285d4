/** Reads the seed node's catalog through the same parser the app uses. */
import { parseCatalog, type CatalogItem } from '../../protocol/catalog.ts'
import { api, type ApiTarget } from '../../seed-node/testing/seed-node-api.ts'

export async function fetchCatalogItems (node: ApiTarget): Promise<CatalogItem[]> {
  const reply = await api(node, 'GET', '/api/catalog')
  if (reply.status !== 200) throw new Error(`GET /api/catalog answered ${reply.status}`)
  return parseCatalog(reply.json).items
}

export async function itemByMediaPath (node: ApiTarget, mediaPathEnd: string): Promise<CatalogItem> {
  return findItem(await fetchCatalogItems(node), mediaPathEnd)
}

/** The item whose media path ends in `mediaPathEnd`, in a catalog already fetched. */
export function findItem (items: readonly CatalogItem[], mediaPathEnd: string): CatalogItem {
  const item = items.find(candidate => candidate.mediaPath.endsWith(mediaPathEnd))
  if (!item) throw new Error(`no catalog item ending in ${mediaPathEnd}; have ${items.map(i => i.mediaPath).join(', ')}`)
  return item
}
