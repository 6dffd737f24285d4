/** Fetches the share link for one infohash while a component shows it. */
import { useEffect, useState } from 'react'
import { useHouseholdCredential } from '../../lib/household/use-household-credential.ts'
import { fetchShareLink, type ShareLink } from './fetch-share-link.ts'
import { shareErrorMessage } from './share-api.ts'

export type ShareLinkState =
  | { readonly status: 'loading' }
  | { readonly status: 'unpaired' }
  | { readonly status: 'error', readonly message: string }
  | { readonly status: 'ready', readonly link: ShareLink }

export function useShareLink (infoHash: string | null): ShareLinkState {
  const credential = useHouseholdCredential()
  const [state, setState] = useState<{ infoHash: string, state: ShareLinkState } | null>(null)
  useEffect(() => {
    if (infoHash === null || typeof credential !== 'string') return
    const abort = new AbortController()
    fetchShareLink(infoHash, credential, abort.signal).then(
      link => setState({ infoHash, state: { status: 'ready', link } }),
      (err: unknown) => { if (!abort.signal.aborted) setState({ infoHash, state: { status: 'error', message: shareErrorMessage(err) } }) }
    )
    return () => abort.abort()
  }, [infoHash, credential])
  if (credential === null) return { status: 'unpaired' }
  return state !== null && state.infoHash === infoHash ? state.state : { status: 'loading' }
}
