/**
 * The catalog for the UI, offline first: the copy cached on this device (catalog-cache.ts)
 * is drawn at once, then brought up to date from the seed node (`?since=` delta, or a 304),
 * and the result cached for the next start. With no cached copy the UI shows "Loading" until
 * the network answers, and can retry after a failure. `reload` refreshes quietly when the
 * library changed (a download completed, ingest finished): the current catalog stays on
 * screen until the new one has arrived, and a failed refresh keeps it, as does a start with
 * the seed node out of reach.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Catalog } from '../../../protocol/catalog.ts'
import { ApiClientError } from '../api/api-client-error.ts'
import { refreshCatalog } from './get-catalog.ts'
import { readCachedCatalog, writeCachedCatalog } from './catalog-cache.ts'
import { useLibraryKey } from '../household/use-library-key.ts'
import { followFormerIds } from '../watch-state/former-ids.ts'

export type CatalogState =
  | { readonly status: 'loading' }
  /** This browser holds no library key: the catalog is for paired devices only. */
  | { readonly status: 'unpaired' }
  | { readonly status: 'error', readonly message: string, readonly code: string }
  /** `from`: the device's cached copy (not yet confirmed by the seed node) or the network. */
  | { readonly status: 'ready', readonly catalog: Catalog, readonly from: 'cache' | 'network' }

type SetState = (update: (previous: CatalogState) => CatalogState) => void

/** Brings `held` up to date, shows the result and caches it; throws when the seed node could not be asked. */
async function refreshInto (libraryKey: string, held: Catalog | null, setState: SetState, signal: AbortSignal): Promise<void> {
  const { catalog, changed } = await refreshCatalog(held, signal)
  if (signal.aborted) return
  setState(previous => previous.status === 'ready' && previous.catalog === catalog && previous.from === 'network' ? previous : { status: 'ready', catalog, from: 'network' })
  if (changed) await writeCachedCatalog(libraryKey, catalog)
}

export function useCatalog (): { state: CatalogState, retry: () => void, reload: () => void } {
  const [state, setState] = useState<CatalogState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [reloads, setReloads] = useState(0)
  const libraryKey = useLibraryKey()
  const held = useRef<Catalog | null>(null)
  held.current = state.status === 'ready' ? state.catalog : null

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
    const load = async (): Promise<void> => {
      const cached = await readCachedCatalog(libraryKey)
      if (abort.signal.aborted) return
      if (cached !== null) setState({ status: 'ready', catalog: cached, from: 'cache' })
      try {
        await refreshInto(libraryKey, cached, setState, abort.signal)
      } catch (err) {
        if (abort.signal.aborted) return
        if (cached !== null) {
          console.warn('[hearth] the home server could not be asked for the catalog; showing the copy saved on this device', err)
          return
        }
        const code = err instanceof ApiClientError ? err.code : 'HEARTH_E_CATALOG'
        setState({ status: 'error', code, message: err instanceof Error ? err.message : String(err) })
      }
    }
    void load()
    return () => abort.abort()
  }, [attempt, libraryKey])

  useEffect(() => {
    // Nothing held yet: the first load is under way and brings the newest catalog itself.
    if (reloads === 0 || typeof libraryKey !== 'string' || held.current === null) return
    const abort = new AbortController()
    refreshInto(libraryKey, held.current, setState, abort.signal).catch(
      (err: unknown) => { if (!abort.signal.aborted) console.warn('[hearth] the catalog could not be reloaded; showing the one loaded before', err) }
    )
    return () => abort.abort()
  }, [reloads, libraryKey])

  const catalog = state.status === 'ready' ? state.catalog : null
  useEffect(() => {
    if (catalog === null) return
    // Records kept under an item's former id follow it (lib/watch-state/former-ids.ts).
    let stop: (() => void) | null = null
    let closed = false
    followFormerIds(catalog).then(
      unsubscribe => { if (closed) unsubscribe(); else stop = unsubscribe },
      (err: unknown) => console.warn('[hearth] watch records under former item ids could not be carried over', err)
    )
    return () => {
      closed = true
      stop?.()
    }
  }, [catalog])

  const retry = useCallback(() => setAttempt(n => n + 1), [])
  const reload = useCallback(() => setReloads(n => n + 1), [])
  return { state, retry, reload }
}
