/** The watched / unwatched mark for cards and episode rows; undefined while the store is not open. */
import type { CatalogItem } from '../../../protocol/catalog.ts'
import type { WatchRecord } from '../../../protocol/watch-record.ts'
import { unwatchedChange, watchedChange } from '../../lib/watch-state/mark-watched.ts'
import { useWatchStateStore } from '../../lib/watch-state/use-watch-state.ts'

export function useMarkWatched (records: ReadonlyMap<string, WatchRecord>): ((item: CatalogItem, watched: boolean) => void) | undefined {
  const store = useWatchStateStore()
  if (!store) return undefined
  return (item, watched) => {
    const record = records.get(item.id)
    store.put(watched ? watchedChange(item, record) : unwatchedChange(item, record))
      .catch((err: unknown) => console.warn('[hearth] could not save the watched mark', err))
  }
}
