/**
 * "Add a device": the pairing link of this household as a QR code and copyable text, for
 * the address other devices are likeliest to reach (from `GET /api/reach`; test hook
 * `pairing-link`), the other addresses behind "Other addresses" (`other-addresses`, each link
 * `pairing-link-other`), and the notes that go with them (`reach-note`). Anyone holding the
 * link joins the household, so the page says so. Below, the household's settings, from other
 * features through the shell (`settings`): "Stop sharing all links" and the magnet handler.
 */
import type { ReactNode } from 'react'
import { StatusMessage } from '../../../components/status-message.tsx'
import { TEST_IDS } from '../../../test-ids.ts'
import { pairingLinkFor } from '../../../lib/household/pairing-fragment.ts'
import { useLibraryKey } from '../../../lib/household/use-library-key.ts'
import { reachView } from '../reach-view-model.ts'
import { useReach } from '../use-reach.ts'
import { PairingLinkCard } from './pairing-link-card.tsx'
import { ReachNotes } from './reach-notes.tsx'

interface DevicesPageProps {
  onHome: () => void
  /** The household's settings sections, shown to a paired device under the link. */
  settings?: ReactNode
}

export function DevicesPage ({ onHome, settings }: DevicesPageProps) {
  const libraryKey = useLibraryKey()
  if (libraryKey === undefined) return <StatusMessage tone='loading' title='Loading…' />
  if (libraryKey === null) {
    return (
      <StatusMessage tone='error' title='This device is not paired yet' action={{ label: 'Go to the library', onClick: onHome }}>
        To add devices from here, first join the household: open the pairing link that the home server printed when it
        started (or scan its QR code) on this device.
      </StatusMessage>
    )
  }
  return (
    <main className='devices'>
      <h1 className='devices__title'>Add a device</h1>
      <p className='devices__text'>Scan this code with the phone or tablet you want to add, or send it the link. It joins the household and continues where you stopped.</p>
      <PairingLinks libraryKey={libraryKey} />
      <p className='devices__warning'>Treat this link like a house key: whoever has it can see and play your library.</p>
      <div className='settings'>{settings}</div>
    </main>
  )
}

function PairingLinks ({ libraryKey }: { libraryKey: string }) {
  const state = useReach()
  if (state.status === 'loading') {
    return <div className='devices__qr devices__qr--loading' aria-label='Finding the addresses other devices can reach…'><span className='spinner' aria-hidden='true' /></div>
  }
  const view = reachView({
    reach: state.status === 'ready' ? state.reach : null,
    failure: state.status === 'failed' ? state.message : null,
    pageOrigin: window.location.origin,
    linkFor: origin => pairingLinkFor(origin, libraryKey)
  })
  return (
    <>
      <PairingLinkCard reach={view.primary} testId={TEST_IDS.pairingLink} label='Pairing link' />
      <ReachNotes notes={view.notes} />
      {view.others.length > 0 && (
        <details className='devices__others' data-testid={TEST_IDS.otherAddresses}>
          <summary className='devices__others-summary'>Other addresses ({view.others.length})</summary>
          <p className='devices__text'>If the device cannot open the link above (another network, another name), try one of these.</p>
          {view.others.map(other => <PairingLinkCard key={other.origin} reach={other} testId={TEST_IDS.pairingLinkOther} label={`Via ${new URL(other.origin).host}`} />)}
        </details>
      )}
    </>
  )
}
