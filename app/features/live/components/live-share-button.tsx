/**
 * "Share" on a live channel's screen: a dialog with the friend's link to this channel (the
 * app's guest page, protocol/live-share-link.ts), its QR code, and what the link allows.
 * Test ids `live-share` (the button) and `live-share-link` (the field).
 */
import { useEffect, useState } from 'react'
import type { LiveShareReply } from '../../../../protocol/api/live.ts'
import { ModalDialog } from '../../../components/modal-dialog.tsx'
import { ShareLinkPanel } from '../../../components/share-link-panel.tsx'
import { apiErrorMessage } from '../../../lib/api/api-client-error.ts'
import { TEST_IDS } from '../../../test-ids.ts'
import { getLiveShare } from '../api/get-live-share.ts'

type ShareState =
  | { readonly status: 'loading' }
  | { readonly status: 'error', readonly message: string }
  | { readonly status: 'ready', readonly share: LiveShareReply }

const NOTE = 'Whoever opens this link can watch this one channel in a browser, without pairing, and nothing else of your home server. Friends watch from the home server directly; they do not join the household\'s peer-to-peer sharing. “Stop sharing all links” (under Add a device) turns every link off.'

export function LiveShareButton ({ channelId, name }: { channelId: string, name: string }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type='button' className='button button--ghost' onClick={() => setOpen(true)} aria-haspopup='dialog' data-testid={TEST_IDS.liveShare}>Share</button>
      {open && <LiveShareDialog channelId={channelId} name={name} onClose={() => setOpen(false)} />}
    </>
  )
}

function LiveShareDialog ({ channelId, name, onClose }: { channelId: string, name: string, onClose: () => void }) {
  const [state, setState] = useState<ShareState>({ status: 'loading' })
  useEffect(() => {
    const abort = new AbortController()
    getLiveShare(channelId, abort.signal).then(
      share => setState({ status: 'ready', share }),
      (err: unknown) => { if (!abort.signal.aborted) setState({ status: 'error', message: apiErrorMessage(err) }) }
    )
    return () => abort.abort()
  }, [channelId])
  return (
    <ModalDialog title={`Share “${name}”`} onClose={onClose}>
      {state.status === 'loading' && <div className='share-panel__status' role='status'><span className='spinner' aria-hidden='true' /> Making a link…</div>}
      {state.status === 'error' && <p className='share-panel__status share-panel__status--error' role='alert'>{state.message}</p>}
      {state.status === 'ready' && <ShareLinkPanel magnet={state.share.link} title={name} label='Link to this channel' note={NOTE} testId={TEST_IDS.liveShareLink} />}
    </ModalDialog>
  )
}
