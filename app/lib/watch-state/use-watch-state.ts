/**
 * React bindings for the watch-state store: the store once it is open, and the current
 * profile's records by item, re-rendered on every change (local, other tab, or swarm).
 */
import { useEffect, useState } from 'react'
import type { WatchRecord } from '../../../protocol/watch-record.ts'
import { getWatchStateStore, peekWatchStateStore } from './open-watch-state.ts'
import type { WatchStateStore } from './watch-state-store.ts'

export function useWatchStateStore (): WatchStateStore | null {
  const [store, setStore] = useState<WatchStateStore | null>(peekWatchStateStore)
  useEffect(() => {
    if (store) return
    let cancelled = false
    getWatchStateStore().then(
      opened => { if (!cancelled) setStore(opened) },
      (err: unknown) => console.warn('[hearth] watch state is unavailable (IndexedDB could not be opened)', err)
    )
    return () => { cancelled = true }
  }, [store])
  return store
}

/** The current profile's records, by item id. Empty until the store is open. */
export function useWatchRecords (): ReadonlyMap<string, WatchRecord> {
  const store = useWatchStateStore()
  const [records, setRecords] = useState<ReadonlyMap<string, WatchRecord>>(() => profileRecords(store))
  useEffect(() => {
    if (!store) return
    const refresh = (): void => setRecords(profileRecords(store))
    refresh()
    const offChange = store.onChange(refresh)
    const offMeta = store.onMetaChange(refresh)
    return () => {
      offChange()
      offMeta()
    }
  }, [store])
  return records
}

/** The current profile's record for one item, kept up to date. */
export function useWatchRecord (itemId: string): WatchRecord | undefined {
  return useWatchRecords().get(itemId)
}

function profileRecords (store: WatchStateStore | null): ReadonlyMap<string, WatchRecord> {
  if (!store) return new Map()
  return new Map(store.all().filter(record => record.profile === store.profile).map(record => [record.itemId, record]))
}
