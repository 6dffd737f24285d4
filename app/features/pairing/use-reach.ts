/**
 * `GET /api/reach` for "Add a device", once per page visit: `undefined` while asking, then the
 * reply or the sentence that says why it failed (the page falls back to its own address).
 */
import { useEffect, useState } from 'react'
import type { ReachReply } from '../../../protocol/api/reach.ts'
import { apiErrorMessage } from '../../lib/api/api-client-error.ts'
import { getReach } from './api/get-reach.ts'

export type ReachState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready', readonly reach: ReachReply }
  | { readonly status: 'failed', readonly message: string }

export function useReach (): ReachState {
  const [state, setState] = useState<ReachState>({ status: 'loading' })
  useEffect(() => {
    const abort = new AbortController()
    getReach(abort.signal).then(
      reach => setState({ status: 'ready', reach }),
      (err: unknown) => {
        if (abort.signal.aborted) return
        console.warn('[hearth] /api/reach failed; the pairing link uses this page\'s address', err)
        setState({ status: 'failed', message: apiErrorMessage(err) })
      }
    )
    return () => abort.abort()
  }, [])
  return state
}
