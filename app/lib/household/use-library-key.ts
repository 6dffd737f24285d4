/**
 * The household's library key as this device knows it, for React (null: not paired;
 * undefined: still loading). Re-renders when this tab or another one pairs.
 */
import { useEffect, useState } from 'react'
import { useWatchStateStore } from '../watch-state/use-watch-state.ts'

export function useLibraryKey (): string | null | undefined {
  const store = useWatchStateStore()
  const [libraryKey, setLibraryKey] = useState<string | null | undefined>(store?.libraryKey)
  useEffect(() => {
    if (!store) return
    setLibraryKey(store.libraryKey)
    return store.onMetaChange(() => setLibraryKey(store.libraryKey))
  }, [store])
  return libraryKey
}
