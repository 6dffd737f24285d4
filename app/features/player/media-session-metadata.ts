/**
 * What the system's media controls show (lock screen, notification, headset, TV remote):
 * `MediaMetadata` fields for a library item, as Media Session asks for them. An episode is
 * "S01E04 · Title" by the series, season as album; a song by its artist and album; a film by
 * its year. Pure.
 */
import type { CatalogItem } from '../../../protocol/catalog.ts'
import { episodeLabel } from './next-episode-countdown.ts'

export interface SessionMetadata {
  readonly title: string
  readonly artist: string
  readonly album: string
  readonly artwork: ReadonlyArray<{ readonly src: string }>
}

/** `origin` resolves a relative poster URL: the system shows artwork outside the page. */
export function sessionMetadata (title: string, item: CatalogItem | null, origin: string): SessionMetadata {
  const artwork = item?.posterUrl ? [{ src: new URL(item.posterUrl, origin).href }] : []
  if (item?.series) return { title: episodeLabel(item), artist: item.series.name, album: item.series.season === 0 ? 'Specials' : `Season ${item.series.season}`, artwork }
  if (item?.kind === 'audio') return { title: item.title, artist: item.artist ?? '', album: item.album ?? '', artwork }
  // A film: its year where known, as the system's second line.
  return { title, artist: item?.year == null ? '' : String(item.year), album: '', artwork }
}
