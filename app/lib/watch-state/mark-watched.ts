/** The records behind "Mark as watched" (the end, finished) and "Mark as unwatched" (position 0, not finished). */
import type { CatalogItem } from '../../../protocol/catalog.ts'
import type { WatchRecord } from '../../../protocol/watch-record.ts'
import type { LocalChange } from './watch-state-store.ts'

export function watchedChange (item: CatalogItem, record: WatchRecord | undefined, durationSec: number | null = record?.durationSec ?? item.durationSec): LocalChange {
  return { itemId: item.id, positionSec: durationSec ?? record?.positionSec ?? 0, durationSec, finished: true }
}

export function unwatchedChange (item: CatalogItem, record: WatchRecord | undefined, durationSec: number | null = record?.durationSec ?? item.durationSec): LocalChange {
  return { itemId: item.id, positionSec: 0, durationSec, finished: false }
}
