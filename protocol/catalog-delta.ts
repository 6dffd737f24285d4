/**
 * `GET /api/catalog?since=<revision>`: what changed since a catalog the app already holds.
 *
 *   app (cached catalog at revision r) ──GET ?since=r──▶ seed node
 *     ◀── CatalogDelta { since: r, revision: r', changed, removed }   r known to this run and view
 *     ◀── Catalog { revision: r', items }                              r unknown (restart, too old,
 *                                                                       another origin or credential)
 *
 * `changed` holds whole items (added or changed), `removed` the ids gone since `since`. The app
 * applies the delta with `applyCatalogDelta`; a result whose item count differs from `total`
 * means the two sides drifted, and the app asks for the whole catalog instead.
 */
import { z } from 'zod'
import { Catalog, CatalogItem, CatalogRevision, InfoHash } from './catalog.ts'
import { compareCatalogOrder } from './catalog-order.ts'

/** Bound on the removed ids one delta carries; a seed node with more answers in full. */
export const MAX_DELTA_REMOVED = 10_000

export const CatalogDelta = z.object({
  version: z.literal(1),
  libraryName: z.string(),
  trackerUrl: z.string().regex(/^wss?:\/\//),
  /** The revision the delta starts from: the one the app sent. */
  since: CatalogRevision,
  /** The revision after applying it. */
  revision: CatalogRevision,
  /** Items in the whole library after applying it. */
  total: z.number().int().nonnegative(),
  changed: z.array(CatalogItem),
  removed: z.array(InfoHash).max(MAX_DELTA_REMOVED)
})
export type CatalogDelta = z.infer<typeof CatalogDelta>

/** What `?since=` answers: a delta, or the whole catalog when the revision is unknown. */
export const CatalogUpdate = z.union([CatalogDelta, Catalog])
export type CatalogUpdate = z.infer<typeof CatalogUpdate>

export function isCatalogDelta (update: CatalogUpdate): update is CatalogDelta {
  return 'changed' in update
}

export class CatalogDeltaMismatch extends Error {
  readonly code = 'HEARTH_E_CATALOG_DELTA'
}

/**
 * The catalog after `delta`, in catalog order; throws `CatalogDeltaMismatch` when the delta
 * does not start from this catalog or the result disagrees with the seed node's count.
 */
export function applyCatalogDelta (catalog: Catalog, delta: CatalogDelta): Catalog {
  if (catalog.revision !== delta.since) throw new CatalogDeltaMismatch(`the delta starts at ${delta.since}, the catalog is at ${String(catalog.revision)}`)
  const gone = new Set<string>(delta.removed)
  const replaced = new Map(delta.changed.map(item => [item.id, item]))
  const kept = catalog.items.filter(item => !gone.has(item.id) && !replaced.has(item.id))
  const items = [...kept, ...replaced.values()].sort(compareCatalogOrder)
  if (items.length !== delta.total) throw new CatalogDeltaMismatch(`the delta leaves ${items.length} items, the seed node has ${delta.total}`)
  return { ...catalog, total: items.length, offset: 0, libraryName: delta.libraryName, trackerUrl: delta.trackerUrl, revision: delta.revision, items }
}
