import type { SeriesInfo } from '../../../protocol/catalog.ts'

/** `S01E01`, the way every media player labels an episode. */
export function formatEpisode (series: SeriesInfo): string {
  return `S${String(series.season).padStart(2, '0')}E${String(series.episode).padStart(2, '0')}`
}
