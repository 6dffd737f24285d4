/** Loads the catalog once per page and lets the UI retry after a failure. */
import { useCallback, useEffect, useState } from 'react'
import type { Catalog } from '../../protocol/catalog.ts'
import { fetchCatalog } from './fetch-catalog.ts'
import { credentialFor } from '../household/household-credential.ts'
import { useLibraryKey } from '../pairing/use-library-key.ts'

export type CatalogState =
  | { readonly status: 'loading' }
  /** This browser holds no library key: the catalog is for paired devices only. */
  | { readonly status: 'unpaired' }
  | { readonly status: 'error', readonly message: string, readonly code: string }
  | { readonly status: 'ready', readonly catalog: Catalog }

export function useCatalog (): { state: CatalogState, retry: () => void } {
  const [state, setState] = useState<CatalogState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const libraryKey = useLibraryKey()

  useEffect(() => {
    if (libraryKey === undefined) return // the store is still opening
    if (libraryKey === null) {
      setState({ status: 'unpaired' })
      return
    }
    const abort = new AbortController()
    setState({ status: 'loading' })
    credentialFor(libraryKey).then(async credential => await fetchCatalog(credential, abort.signal)).then(
      catalog => setState({ status: 'ready', catalog }),
      (err: unknown) => {
        if (abort.signal.aborted) return
        const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : 'HEARTH_E_CATALOG'
        setState({ status: 'error', code, message: err instanceof Error ? err.message : String(err) })
      }
    )
    return () => abort.abort()
  }, [attempt, libraryKey])

  const retry = useCallback(() => setAttempt(n => n + 1), [])
  return { state, retry }
}
