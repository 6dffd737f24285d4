/**
 * "Stop sharing all links", with a confirm step: rotates the share secret on the home
 * server, so every share link given out so far stops working (test ids `stop-sharing`,
 * `stop-sharing-confirm`, `stop-sharing-result`).
 */
import { useState } from 'react'
import { TEST_IDS } from '../../../test-ids.ts'
import { apiErrorMessage } from '../../../lib/api/api-client-error.ts'
import { stopSharing } from '../api/stop-sharing.ts'

type Phase =
  | { readonly step: 'idle' }
  | { readonly step: 'confirm' }
  | { readonly step: 'working' }
  | { readonly step: 'done', readonly rotatedAt: string }
  | { readonly step: 'failed', readonly message: string }

export function StopSharingSection () {
  const [phase, setPhase] = useState<Phase>({ step: 'idle' })
  const confirm = (): void => {
    setPhase({ step: 'working' })
    stopSharing().then(
      ({ rotatedAt }) => setPhase({ step: 'done', rotatedAt }),
      (err: unknown) => setPhase({ step: 'failed', message: apiErrorMessage(err) })
    )
  }
  return (
    <section className='settings__section' aria-labelledby='stop-sharing-title'>
      <h2 id='stop-sharing-title' className='settings__title'>Share links</h2>
      <p className='settings__text'>
        Each “Share” link lets its holder fetch one item. Stopping turns off every link given out
        so far, at once; new links made afterwards work again.
      </p>
      {phase.step === 'confirm' || phase.step === 'working'
        ? (
          <div className='settings__confirm' role='group' aria-label='Confirm stop sharing'>
            <p className='settings__text'><strong>Stop every share link?</strong> Friends who have one will no longer be able to fetch anything with it.</p>
            <div className='settings__actions'>
              <button type='button' className='button button--danger' disabled={phase.step === 'working'} onClick={confirm} data-testid={TEST_IDS.stopSharingConfirm} autoFocus>
                {phase.step === 'working' ? 'Stopping…' : 'Yes, stop sharing'}
              </button>
              <button type='button' className='button button--ghost' disabled={phase.step === 'working'} onClick={() => setPhase({ step: 'idle' })}>Cancel</button>
            </div>
          </div>
          )
        : <button type='button' className='button button--ghost button--outline' onClick={() => setPhase({ step: 'confirm' })} data-testid={TEST_IDS.stopSharing}>Stop sharing all links</button>}
      {phase.step === 'done' && (
        <p className='settings__result' role='status' data-testid={TEST_IDS.stopSharingResult}>
          Done: every share link made before {new Date(phase.rotatedAt).toLocaleTimeString()} has stopped working.
        </p>
      )}
      {phase.step === 'failed' && <p className='settings__result settings__result--error' role='alert' data-testid={TEST_IDS.stopSharingResult}>Sharing was not stopped: {phase.message}</p>}
    </section>
  )
}
