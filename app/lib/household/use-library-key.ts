/** The household's library key as this device knows it (null: not paired; undefined: still loading). */
import { useEffect, useState } from 'react'
import { useWatchStateStore } from '../watch-state/use-watch-state.ts'

export function useLibraryKey (): string | null | undefined {
  const store = useWatchStateStore()
  const [key, setKey] = useState<string | null | undefined>(store?.libraryKey)
  useEffect(() => {
    if (!store) return
    setKey(store.libraryKey)
    return store.onMetaChange(() => setKey(store.libraryKey))
  }, [store])
  return key
}
