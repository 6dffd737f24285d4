import type { CatalogItem } from '../../../protocol/catalog.ts'

/** Films and audio by title, then episodes by series, season, episode. Returns a new array. */
export function sortLibrary (items: readonly CatalogItem[]): CatalogItem[] {
  return [...items].sort((a, b) => {
    if ((a.series === null) !== (b.series === null)) return a.series === null ? -1 : 1
    if (a.series && b.series) {
      return a.series.name.localeCompare(b.series.name) ||
        a.series.season - b.series.season ||
        a.series.episode - b.series.episode
    }
    return a.title.localeCompare(b.title)
  })
}
