/** Loads the catalog once per page and lets the UI retry after a failure. */
import { useCallback, useEffect, useState } from 'react'
import type { Catalog } from '../../protocol/catalog.ts'
import { fetchCatalog } from './fetch-catalog.ts'

export type CatalogState =
  | { readonly status: 'loading' }
  | { readonly status: 'error', readonly message: string, readonly code: string }
  | { readonly status: 'ready', readonly catalog: Catalog }

export function useCatalog (): { state: CatalogState, retry: () => void } {
  const [state, setState] = useState<CatalogState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const abort = new AbortController()
    setState({ status: 'loading' })
    fetchCatalog(abort.signal).then(
      catalog => setState({ status: 'ready', catalog }),
      (err: unknown) => {
        if (abort.signal.aborted) return
        const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : 'HEARTH_E_CATALOG'
        setState({ status: 'error', code, message: err instanceof Error ? err.message : String(err) })
      }
    )
    return () => abort.abort()
  }, [attempt])

  const retry = useCallback(() => setAttempt(n => n + 1), [])
  return { state, retry }
}
