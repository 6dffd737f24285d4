/**
 * "Remove" asks what happens to the files already downloaded, with two clear choices (test
 * ids `download-remove-keep`, `download-remove-delete`) and a way back.
 */
import { ModalDialog } from '../../../components/modal-dialog.tsx'
import { TEST_IDS } from '../../../test-ids.ts'

interface RemoveDownloadDialogProps {
  name: string
  /** Finished downloads are library items: keeping leaves them there. */
  finished: boolean
  busy: boolean
  onRemove: (deleteData: boolean) => void
  onClose: () => void
}

export function RemoveDownloadDialog ({ name, finished, busy, onRemove, onClose }: RemoveDownloadDialogProps) {
  return (
    <ModalDialog title={`Remove “${name}”?`} onClose={onClose}>
      <p className='modal__text'>It leaves the download queue. Keep the downloaded files or delete them?</p>
      <div className='remove-choice'>
        <button type='button' className='button' disabled={busy} onClick={() => onRemove(false)} data-testid={TEST_IDS.downloadRemoveKeep} autoFocus>
          Keep the files
        </button>
        <p className='remove-choice__hint'>
          {finished
            ? 'It stays in your library and on the disk.'
            : 'What was downloaded so far stays on the disk, set aside; adding the same download again continues from it.'}
        </p>
        <button type='button' className='button button--danger' disabled={busy} onClick={() => onRemove(true)} data-testid={TEST_IDS.downloadRemoveDelete}>
          Delete the files
        </button>
        <p className='remove-choice__hint'>
          {finished ? 'It leaves your library and its files are deleted from the disk.' : 'What was downloaded so far is deleted from the disk.'}
        </p>
        <button type='button' className='button button--ghost' disabled={busy} onClick={onClose}>Cancel</button>
      </div>
    </ModalDialog>
  )
}
