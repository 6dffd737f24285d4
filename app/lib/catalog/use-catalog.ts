/**
 * Loads the catalog once per page, lets the UI retry after a failure (showing "Loading"
 * again), and `reload` it quietly when the library changed (a download completed, ingest
 * finished): the current catalog stays on screen until the new one has arrived, and a failed
 * reload keeps it.
 */
import { useCallback, useEffect, useState } from 'react'
import type { Catalog } from '../../../protocol/catalog.ts'
import { ApiClientError } from '../api/api-client-error.ts'
import { getCatalog } from './get-catalog.ts'
import { useLibraryKey } from '../household/use-library-key.ts'
import { followFormerIds } from '../watch-state/former-ids.ts'

export type CatalogState =
  | { readonly status: 'loading' }
  /** This browser holds no library key: the catalog is for paired devices only. */
  | { readonly status: 'unpaired' }
  | { readonly status: 'error', readonly message: string, readonly code: string }
  | { readonly status: 'ready', readonly catalog: Catalog }

export function useCatalog (): { state: CatalogState, retry: () => void, reload: () => void } {
  const [state, setState] = useState<CatalogState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [reloads, setReloads] = useState(0)
  const libraryKey = useLibraryKey()

  useEffect(() => {
    if (libraryKey === undefined) return // the store is still opening
    if (libraryKey === null) {
      setState({ status: 'unpaired' })
      return
    }
    const abort = new AbortController()
    setState({ status: 'loading' })
    // The key is a dependency so that pairing (here or in another tab) loads the catalog;
    // the API client reads the same key's credential itself.
    getCatalog(abort.signal).then(
      catalog => setState({ status: 'ready', catalog }),
      (err: unknown) => {
        if (abort.signal.aborted) return
        const code = err instanceof ApiClientError ? err.code : 'HEARTH_E_CATALOG'
        setState({ status: 'error', code, message: err instanceof Error ? err.message : String(err) })
      }
    )
    return () => abort.abort()
  }, [attempt, libraryKey])

  useEffect(() => {
    if (reloads === 0 || typeof libraryKey !== 'string') return
    const abort = new AbortController()
    getCatalog(abort.signal).then(
      catalog => setState({ status: 'ready', catalog }),
      (err: unknown) => { if (!abort.signal.aborted) console.warn('[hearth] the catalog could not be reloaded; showing the one loaded before', err) }
    )
    return () => abort.abort()
  }, [reloads, libraryKey])

  useEffect(() => {
    if (state.status !== 'ready') return
    // Records kept under an item's former id follow it (lib/watch-state/former-ids.ts).
    let stop: (() => void) | null = null
    let closed = false
    followFormerIds(state.catalog).then(
      unsubscribe => { if (closed) unsubscribe(); else stop = unsubscribe },
      (err: unknown) => console.warn('[hearth] watch records under former item ids could not be carried over', err)
    )
    return () => {
      closed = true
      stop?.()
    }
  }, [state])

  const retry = useCallback(() => setAttempt(n => n + 1), [])
  const reload = useCallback(() => setReloads(n => n + 1), [])
  return { state, retry, reload }
}
