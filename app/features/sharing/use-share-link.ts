/** Fetches the share link for one infohash while a component shows it. */
import { useEffect, useState } from 'react'
import type { ShareLinkReply } from '../../../protocol/api/share.ts'
import { apiErrorMessage } from '../../lib/api/api-client-error.ts'
import { useLibraryKey } from '../../lib/household/use-library-key.ts'
import { getShareLink } from '../../lib/share/get-share-link.ts'

export type ShareLinkState =
  | { readonly status: 'loading' }
  | { readonly status: 'unpaired' }
  | { readonly status: 'error', readonly message: string }
  | { readonly status: 'ready', readonly link: ShareLinkReply }

export function useShareLink (infoHash: string | null): ShareLinkState {
  const libraryKey = useLibraryKey()
  const [state, setState] = useState<{ infoHash: string, state: ShareLinkState } | null>(null)
  useEffect(() => {
    if (infoHash === null || typeof libraryKey !== 'string') return
    const abort = new AbortController()
    getShareLink(infoHash, abort.signal).then(
      link => setState({ infoHash, state: { status: 'ready', link } }),
      (err: unknown) => { if (!abort.signal.aborted) setState({ infoHash, state: { status: 'error', message: apiErrorMessage(err) } }) }
    )
    return () => abort.abort()
  }, [infoHash, libraryKey])
  if (libraryKey === null) return { status: 'unpaired' }
  return state !== null && state.infoHash === infoHash ? state.state : { status: 'loading' }
}
