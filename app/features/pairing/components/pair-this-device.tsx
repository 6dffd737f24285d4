/**
 * What a browser that is not paired sees instead of the library: how to join the
 * household, and a field to paste the pairing link into (test id `pair-link-input`). A pasted
 * key joins the same way an opened link does (`pairWithKey`): kept once the home server
 * accepts it, refused with the reason when it does not.
 */
import { useState, type FormEvent } from 'react'
import { parsePairingFragment } from '../../../../protocol/pairing-link.ts'
import { encodeLibraryKey } from '../../../../protocol/library-key.ts'
import { pairWithKey } from '../../../lib/household/pair-with-key.ts'

export function PairThisDevice () {
  const [link, setLink] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [checking, setChecking] = useState(false)

  async function pair (event: FormEvent): Promise<void> {
    event.preventDefault()
    let libraryKey: string
    try {
      const hash = link.trim().slice(link.trim().indexOf('#'))
      libraryKey = encodeLibraryKey(parsePairingFragment(hash))
    } catch {
      setError('That is not a Hearth pairing link. It looks like https://…/pair#key=… (43 characters after key=).')
      return
    }
    setChecking(true)
    try {
      const result = await pairWithKey('join', libraryKey)
      // On success the key store tells the shell, which replaces this page by the library.
      if (!result.store || result.tone === 'error') setError(result.text)
    } finally {
      setChecking(false)
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
          placeholder='https://…/pair#key=…'
          value={link}
          onChange={event => { setLink(event.target.value); setError(null) }}
          aria-label='Pairing link'
          data-testid='pair-link-input'
        />
        <button type='submit' className='button' disabled={checking}>{checking ? 'Checking…' : 'Pair'}</button>
      </form>
      {error !== null && <p className='status__text' role='alert'>{error}</p>}
    </main>
  )
}
