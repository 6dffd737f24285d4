/**
 * The page's one watch-state store, opened on first use (at start-up, from `main.tsx`) and
 * linked to the other tabs. `peekWatchStateStore` reads it without opening it.
 */
import { linkTabs } from './watch-state-channel.ts'
import { openWatchStateDb } from './watch-state-db.ts'
import { WatchStateStore } from './watch-state-store.ts'

let opening: Promise<WatchStateStore> | null = null
let opened: WatchStateStore | null = null

export function getWatchStateStore (): Promise<WatchStateStore> {
  opening ??= openWatchStateDb()
    .then(db => WatchStateStore.open(db))
    .then(store => {
      linkTabs(store)
      opened = store
      return store
    })
    .catch((err: unknown) => {
      opening = null // IndexedDB can be unavailable for a moment (e.g. a blocked upgrade); allow a retry
      throw err
    })
  return opening
}

export function peekWatchStateStore (): WatchStateStore | null {
  return opened
}
