/**
 * The catalog's one order, kept by the seed node when it lists items and by the app when it
 * applies a delta: series episodes by season and episode under the series name, everything
 * else by title, compared with `localeCompare` on one key so both sides agree.
 */
import type { SeriesInfo } from './catalog.ts'

const SEASON_DIGITS = 4
const EPISODE_DIGITS = 5

export function catalogOrderKey (item: { title: string, series: SeriesInfo | null }): string {
  if (item.series === null) return item.title
  const { name, season, episode } = item.series
  return `${name}\u0000${String(season).padStart(SEASON_DIGITS, '0')}${String(episode).padStart(EPISODE_DIGITS, '0')}`
}

export function compareCatalogOrder (a: { title: string, series: SeriesInfo | null }, b: { title: string, series: SeriesInfo | null }): number {
  return catalogOrderKey(a).localeCompare(catalogOrderKey(b))
}
