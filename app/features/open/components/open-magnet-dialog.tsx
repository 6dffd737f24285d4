/** "Open a magnet link" from the header: the paste field in a modal dialog. */
import { ModalDialog } from '../../../components/modal-dialog.tsx'
import { MagnetForm } from '../../../components/magnet-form.tsx'

export function OpenMagnetDialog ({ onOpen, onClose }: { onOpen: (magnet: string) => void, onClose: () => void }) {
  return (
    <ModalDialog title='Open a magnet link' onClose={onClose}>
      <p className='modal__text'>Paste a magnet link (magnet:?xt=urn:btih:…). Hearth streams it like a library item, from the peers the link names.</p>
      <MagnetForm
        autoFocus
        submitLabel='Open'
        onSubmit={magnet => { onClose(); onOpen(magnet) }}
      />
    </ModalDialog>
  )
}
