/**
 * Asked when a pairing link names another household than the one this device is in: any web
 * page can send this browser to such a link, so nothing changes without a clear yes. Cancel
 * (also Esc, the backdrop, ×) is the default and keeps everything; confirming asks the home
 * server first and moves the device only if it accepts the new key. Test hooks
 * `switch-household`, `switch-household-confirm`, `switch-household-cancel`.
 */
import { ModalDialog } from '../../../components/modal-dialog.tsx'
import { TEST_IDS } from '../../../test-ids.ts'

interface SwitchHouseholdDialogProps {
  /** True while the home server is asked about the new key (the buttons wait). */
  readonly checking: boolean
  readonly onConfirm: () => void
  readonly onCancel: () => void
}

export function SwitchHouseholdDialog ({ checking, onConfirm, onCancel }: SwitchHouseholdDialogProps) {
  const cancel = (): void => { if (!checking) onCancel() }
  return (
    <ModalDialog title='This link would move this device to another household' onClose={cancel}>
      <div className='switch-household' data-testid={TEST_IDS.switchHousehold}>
        <p className='modal__text'>
          This device already belongs to a household. The pairing link you opened is for a different one: following it
          would replace this device's key, and the library, watch progress and downloads of your current household would
          no longer be reachable from here.
        </p>
        <p className='modal__text'>
          If you did not open a pairing link yourself just now, a web page may have sent you here: keep your household.
        </p>
        <div className='switch-household__actions'>
          <button type='button' className='button' onClick={cancel} disabled={checking} data-testid={TEST_IDS.switchHouseholdCancel} autoFocus>
            Keep this household
          </button>
          <button type='button' className='button switch-household__move' onClick={onConfirm} disabled={checking} data-testid={TEST_IDS.switchHouseholdConfirm}>
            {checking ? 'Checking the link…' : 'Move this device'}
          </button>
        </div>
      </div>
    </ModalDialog>
  )
}
