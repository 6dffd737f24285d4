/**
 * "Add a device": the pairing link of this household as a QR code and as copyable text
 * (test hook `pairing-link`). Anyone holding the link joins the household, so the page says so.
 * Below it, the household's settings, from other features through the shell (`settings`):
 * "Stop sharing all links" and the magnet-link handler.
 */
import { useState, type ReactNode } from 'react'
import { StatusMessage } from '../../../components/status-message.tsx'
import { TEST_IDS } from '../../../test-ids.ts'
import { pairingLinkFor } from '../../../lib/household/pairing-fragment.ts'
import { useLibraryKey } from '../../../lib/household/use-library-key.ts'
import { PairingQrCode } from './pairing-qr-code.tsx'

const COPIED_VISIBLE_MS = 2 * 1000

interface DevicesPageProps {
  onHome: () => void
  /** The household's settings sections, shown to a paired device under the link. */
  settings?: ReactNode
}

export function DevicesPage ({ onHome, settings }: DevicesPageProps) {
  const libraryKey = useLibraryKey()
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)
  if (libraryKey === undefined) return <StatusMessage tone='loading' title='Loading…' />
  if (libraryKey === null) {
    return (
      <StatusMessage tone='error' title='This device is not paired yet' action={{ label: 'Go to the library', onClick: onHome }}>
        To add devices from here, first join the household: open the pairing link that the home server printed when it
        started (or scan its QR code) on this device.
      </StatusMessage>
    )
  }
  const link = pairingLinkFor(window.location.origin, libraryKey)
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(link)
      setCopied('yes')
    } catch {
      setCopied('failed')
    }
    setTimeout(() => setCopied(null), COPIED_VISIBLE_MS)
  }
  return (
    <main className='devices'>
      <h1 className='devices__title'>Add a device</h1>
      <p className='devices__text'>Scan this code with the phone or tablet you want to add, or send it the link. It joins the household and continues where you stopped.</p>
      <PairingQrCode link={link} />
      <div className='devices__link'>
        <label className='devices__label' htmlFor='pairing-link'>Pairing link</label>
        <div className='devices__row'>
          <input id='pairing-link' className='devices__input' type='text' readOnly value={link} data-testid={TEST_IDS.pairingLink} onFocus={event => event.currentTarget.select()} />
          <button type='button' className='button' onClick={() => { copy().catch(() => {}) }}>{copied === 'yes' ? 'Copied' : 'Copy'}</button>
        </div>
        {copied === 'failed' && <p className='devices__hint' role='alert'>The browser did not allow copying; select the link and copy it by hand.</p>}
      </div>
      <p className='devices__warning'>Treat this link like a house key: whoever has it can see and play your library.</p>
      <div className='settings'>{settings}</div>
    </main>
  )
}
