/**
 * "Up next", as Jellyfin's Next Up: for each show, the episode after the one most recently
 * finished, when it is not finished itself and not already in "Continue watching"; shows
 * ordered by when that episode was finished, most recent first. Also the show page's
 * "play next unwatched".
 */
import type { CatalogItem } from '../../../protocol/catalog.ts'
import { compareStamps } from '../../../protocol/hybrid-clock.ts'
import type { WatchRecord } from '../../../protocol/watch-record.ts'
import { isInProgress } from '../../lib/watch-state/continue-watching.ts'
import type { Show } from './group-shows.ts'

export interface UpNext {
  readonly show: Show
  readonly item: CatalogItem
}

type Records = ReadonlyMap<string, WatchRecord>

/** Index in `show.episodes` of the episode finished last (by HLC), or -1. */
function lastFinishedIndex (show: Show, records: Records): { index: number, record: WatchRecord | null } {
  let best: { index: number, record: WatchRecord | null } = { index: -1, record: null }
  show.episodes.forEach((episode, index) => {
    const record = records.get(episode.id)
    if (record?.finished !== true) return
    if (best.record === null || compareStamps(record.hlc, best.record.hlc) > 0) best = { index, record }
  })
  return best
}

function firstUnfinishedFrom (show: Show, records: Records, start: number): CatalogItem | null {
  for (let i = start; i < show.episodes.length; i++) {
    const episode = show.episodes[i]
    if (episode && records.get(episode.id)?.finished !== true) return episode
  }
  return null
}

export function upNext (shows: readonly Show[], records: Records): UpNext[] {
  const rows: Array<UpNext & { record: WatchRecord }> = []
  for (const show of shows) {
    const { index, record } = lastFinishedIndex(show, records)
    if (record === null) continue
    const next = firstUnfinishedFrom(show, records, index + 1)
    if (next === null || isInProgress(records.get(next.id))) continue
    rows.push({ show, item: next, record })
  }
  return rows.sort((a, b) => compareStamps(b.record.hlc, a.record.hlc)).map(({ show, item }) => ({ show, item }))
}

/**
 * What "play next unwatched" plays: an episode in progress (the most recent), else the one
 * after the last finished, else the first unfinished; null when every episode is finished.
 */
export function nextToPlay (show: Show, records: Records): CatalogItem | null {
  let resume: { item: CatalogItem, record: WatchRecord } | null = null
  for (const episode of show.episodes) {
    const record = records.get(episode.id)
    if (isInProgress(record) && (resume === null || compareStamps(record.hlc, resume.record.hlc) > 0)) resume = { item: episode, record }
  }
  if (resume !== null) return resume.item
  const { index } = lastFinishedIndex(show, records)
  return firstUnfinishedFrom(show, records, index + 1) ?? firstUnfinishedFrom(show, records, 0)
}
