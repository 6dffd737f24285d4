/** `GET /api/catalog`: the library, parsed with the catalog schema from `protocol/catalog.ts`. */
import { Catalog } from '../../../protocol/catalog.ts'
import { API_PATHS } from '../../../protocol/api/api-paths.ts'
import { apiClient } from '../api/household-api-client.ts'

export async function getCatalog (signal?: AbortSignal): Promise<Catalog> {
  return await apiClient.request({ path: API_PATHS.catalog, reply: Catalog, signal })
}
