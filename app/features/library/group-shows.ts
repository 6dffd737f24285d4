/**
 * Episodes gathered into shows: one show per series name, its seasons in order and each
 * season's episodes in order (specials, season 0, come last, as Jellyfin and Plex put them).
 */
import type { CatalogItem } from '../../../protocol/catalog.ts'
import { compareEpisodes } from '../../lib/catalog/show-order.ts'

// The one episode order lives in lib/, where the player's next episode uses it too.
export { compareEpisodes }

export interface Season {
  readonly number: number
  readonly episodes: readonly CatalogItem[]
}

export interface Show {
  readonly name: string
  /** Every episode in watching order: season by season, episode by episode. */
  readonly episodes: readonly CatalogItem[]
  readonly seasons: readonly Season[]
  /** When the newest episode was added (ms since the epoch). */
  readonly addedMs: number
}

export function groupShows (items: readonly CatalogItem[]): Show[] {
  const byName = new Map<string, CatalogItem[]>()
  for (const item of items) {
    if (item.series === null) continue
    const list = byName.get(item.series.name)
    if (list) list.push(item)
    else byName.set(item.series.name, [item])
  }
  const shows: Show[] = []
  for (const [name, list] of byName) {
    const episodes = [...list].sort(compareEpisodes)
    const seasons: Season[] = []
    for (const episode of episodes) {
      const number = episode.series?.season ?? 0
      const last = seasons[seasons.length - 1]
      if (last?.number === number) (last.episodes as CatalogItem[]).push(episode)
      else seasons.push({ number, episodes: [episode] })
    }
    const addedMs = Math.max(...episodes.map(episode => Date.parse(episode.addedAt)))
    shows.push({ name, episodes, seasons, addedMs })
  }
  return shows
}

/** The episode after `item` in its show, or null at the end of the show. */
export function episodeAfter (show: Show, item: CatalogItem): CatalogItem | null {
  const index = show.episodes.findIndex(candidate => candidate.id === item.id)
  return index === -1 ? null : show.episodes[index + 1] ?? null
}
