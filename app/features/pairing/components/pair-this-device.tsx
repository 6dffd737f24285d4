/**
 * What a browser that is not paired sees instead of the library: how to join the
 * household, and a field to paste the pairing link into (test id `pair-link-input`).
 */
import { useState, type FormEvent } from 'react'
import { parsePairingFragment } from '../../../../protocol/pairing-link.ts'
import { encodeLibraryKey } from '../../../../protocol/library-key.ts'
import { joinHousehold } from '../../../lib/household/household-membership.ts'

export function PairThisDevice () {
  const [link, setLink] = useState('')
  const [error, setError] = useState<string | null>(null)

  async function pair (event: FormEvent): Promise<void> {
    event.preventDefault()
    try {
      const hash = link.trim().slice(link.trim().indexOf('#'))
      await joinHousehold(encodeLibraryKey(parsePairingFragment(hash)))
    } catch {
      setError('That is not a Hearth pairing link. It looks like http://…/pair#key=… (43 characters after key=).')
    }
  }

  return (
    <main className='status' data-testid='pair-this-device'>
      <h1 className='status__title'>Pair this device</h1>
      <p className='status__text'>
        This library is private to its household. Open the pairing link on this device: the
        seed node prints it (with a QR code) when it starts, and any paired device shows it
        under “Add a device”. Or paste it here:
      </p>
      <form className='pair-form' onSubmit={event => { void pair(event) }}>
        <input
          className='pair-form__input'
          type='url'
          placeholder='http://…/pair#key=…'
          value={link}
          onChange={event => { setLink(event.target.value); setError(null) }}
          aria-label='Pairing link'
          data-testid='pair-link-input'
        />
        <button type='submit' className='button'>Pair</button>
      </form>
      {error !== null && <p className='status__text' role='alert'>{error}</p>}
    </main>
  )
}
