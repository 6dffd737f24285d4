/** The list of the player's keyboard shortcuts, opened with `?` or the "Keyboard shortcuts" button. */
import { ModalDialog } from '../../../components/modal-dialog.tsx'
import { TEST_IDS } from '../../../test-ids.ts'
import { SHORTCUTS } from '../player-shortcuts.ts'

export function ShortcutHelp ({ onClose }: { onClose: () => void }) {
  return (
    <ModalDialog title='Keyboard shortcuts' onClose={onClose} className='shortcut-help'>
      <dl className='shortcut-help__list' data-testid={TEST_IDS.shortcutHelp}>
        {SHORTCUTS.map(shortcut => (
          <div key={shortcut.action} className='shortcut-help__row'>
            <dt><kbd>{shortcut.shown}</kbd></dt>
            <dd>{shortcut.label}</dd>
          </div>
        ))}
      </dl>
    </ModalDialog>
  )
}
