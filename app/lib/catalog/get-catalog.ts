/**
 * `GET /api/catalog`, parsed with the catalog schema from `protocol/catalog.ts`, and
 * `refreshCatalog`: a catalog this device holds brought up to date with `?since=` (only what
 * changed, protocol/catalog-delta.ts) and its revision's ETag (a 304 when nothing did).
 */
import { Catalog } from '../../../protocol/catalog.ts'
import { applyCatalogDelta, CatalogDeltaMismatch, CatalogUpdate, isCatalogDelta } from '../../../protocol/catalog-delta.ts'
import { API_PATHS } from '../../../protocol/api/api-paths.ts'
import { NOT_MODIFIED } from '../api/api-client.ts'
import { apiClient } from '../api/household-api-client.ts'

export async function getCatalog (signal?: AbortSignal): Promise<Catalog> {
  return await apiClient.request({ path: API_PATHS.catalog, reply: Catalog, signal })
}

export interface RefreshedCatalog {
  readonly catalog: Catalog
  /** False when the held catalog was current (the same object is returned). */
  readonly changed: boolean
}

/** `held` brought up to date: by a delta when the seed node knows its revision, else whole. */
export async function refreshCatalog (held: Catalog | null, signal?: AbortSignal): Promise<RefreshedCatalog> {
  if (held?.revision === undefined) return { catalog: await getCatalog(signal), changed: true }
  const path = `${API_PATHS.catalog}?since=${encodeURIComponent(held.revision)}`
  const reply = await apiClient.requestIfChanged({ path, reply: CatalogUpdate, signal }, `"${held.revision}"`)
  if (reply === NOT_MODIFIED) return { catalog: held, changed: false }
  if (!isCatalogDelta(reply)) return { catalog: reply, changed: true }
  try {
    return { catalog: applyCatalogDelta(held, reply), changed: true }
  } catch (err) {
    if (!(err instanceof CatalogDeltaMismatch)) throw err
    console.warn('[hearth] the catalog delta did not fit the catalog held here; loading it whole', err)
    return { catalog: await getCatalog(signal), changed: true }
  }
}
