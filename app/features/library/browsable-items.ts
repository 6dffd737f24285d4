/**
 * What the grid lists: every item but the extras that belong to a film (trailers,
 * featurettes…), which are shown under their film instead (`extrasOf`). An extra whose film
 * is not in the catalog stays listed, so nothing on the disk disappears from view.
 */
import type { CatalogItem } from '../../../protocol/catalog.ts'

const cache = new WeakMap<readonly CatalogItem[], readonly CatalogItem[]>()

export function browsableItems (items: readonly CatalogItem[]): readonly CatalogItem[] {
  let listed = cache.get(items)
  if (!listed) {
    const ids = new Set(items.map(item => item.id))
    const kept = items.filter(item => item.extra?.of == null || !ids.has(item.extra.of))
    // The same array when nothing is hidden, so caches keyed by it stay warm.
    listed = kept.length === items.length ? items : kept
    cache.set(items, listed)
  }
  return listed
}

const EXTRA_ORDER: Readonly<Record<NonNullable<CatalogItem['extra']>['kind'], number>> = {
  trailer: 0, featurette: 1, 'behind-the-scenes': 2, 'deleted-scene': 3, interview: 4, scene: 5, short: 6, clip: 7, extra: 8
}

/** A film's extras: trailers first, then featurettes and the rest, each by title. */
export function extrasOf (film: CatalogItem, items: readonly CatalogItem[]): CatalogItem[] {
  return items
    .filter(item => item.extra?.of === film.id)
    .sort((a, b) => (EXTRA_ORDER[a.extra?.kind ?? 'extra'] - EXTRA_ORDER[b.extra?.kind ?? 'extra']) || a.title.localeCompare(b.title))
}
