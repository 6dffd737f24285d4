/**
 * Episodes in watching order: season by season, episode by episode, specials (season 0) last,
 * as Jellyfin and Plex put them. The library's show pages and "Up next" and the player's next
 * episode all follow this one order.
 */
import type { CatalogItem } from '../../../protocol/catalog.ts'

function seasonRank (season: number): number {
  return season === 0 ? Number.MAX_SAFE_INTEGER : season
}

export function compareEpisodes (a: CatalogItem, b: CatalogItem): number {
  if (!a.series || !b.series) return 0
  return seasonRank(a.series.season) - seasonRank(b.series.season) ||
    a.series.episode - b.series.episode ||
    a.title.localeCompare(b.title)
}

export interface EpisodeNeighbours {
  readonly previous: CatalogItem | null
  readonly next: CatalogItem | null
}

const NONE: EpisodeNeighbours = { previous: null, next: null }

/** The episodes before and after `item` in its show, from the whole catalog; none for a film or a song. */
export function episodeNeighbours (items: readonly CatalogItem[], item: CatalogItem): EpisodeNeighbours {
  const name = item.series?.name
  if (name === undefined) return NONE
  const episodes = items.filter(candidate => candidate.series?.name === name).sort(compareEpisodes)
  const index = episodes.findIndex(candidate => candidate.id === item.id)
  if (index === -1) return NONE
  return { previous: episodes[index - 1] ?? null, next: episodes[index + 1] ?? null }
}
