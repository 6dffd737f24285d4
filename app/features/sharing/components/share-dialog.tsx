/** "Share": the item's share link in a modal dialog (test id `share-link` on the field). */
import { ModalDialog } from '../../../components/modal-dialog.tsx'
import { TEST_IDS } from '../../../test-ids.ts'
import { useShareLink } from '../use-share-link.ts'
import { ShareLinkPanel } from '../../../components/share-link-panel.tsx'

interface ShareDialogProps {
  infoHash: string
  title: string
  onClose: () => void
}

export function ShareDialog ({ infoHash, title, onClose }: ShareDialogProps) {
  const state = useShareLink(infoHash)
  return (
    <ModalDialog title={`Share “${title}”`} onClose={onClose}>
      {state.status === 'loading' && <div className='share-panel__status' role='status'><span className='spinner' aria-hidden='true' /> Making a share link…</div>}
      {state.status === 'unpaired' && <p className='share-panel__status' role='alert'>Only paired devices can make share links. Pair this device first.</p>}
      {state.status === 'error' && <p className='share-panel__status share-panel__status--error' role='alert'>{state.message}</p>}
      {state.status === 'ready' && <ShareLinkPanel magnet={state.link.magnet} title={title} testId={TEST_IDS.shareLink} />}
    </ModalDialog>
  )
}
