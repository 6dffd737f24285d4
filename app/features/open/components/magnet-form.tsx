/**
 * The paste field for a magnet link (test ids `magnet-input`, `magnet-error`). The link is
 * checked here first, so a bad one is explained before anything navigates.
 */
import { useId, useState, type FormEvent } from 'react'
import { MagnetError, parseMagnet } from '../../../../protocol/magnet/parse-magnet.ts'
import { TEST_IDS } from '../../../test-ids.ts'

interface MagnetFormProps {
  onOpen: (magnet: string) => void
  initialValue?: string
  /** Why the link that led here was refused (shown until the field is edited). */
  initialError?: string
  autoFocus?: boolean
}

export function MagnetForm ({ onOpen, initialValue = '', initialError, autoFocus = false }: MagnetFormProps) {
  const id = useId()
  const [value, setValue] = useState(initialValue)
  const [error, setError] = useState<string | null>(initialError ?? null)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    try {
      parseMagnet(value)
      onOpen(value.trim())
    } catch (err) {
      setError(err instanceof MagnetError ? err.message : String(err))
    }
  }
  return (
    <form className='magnet-form' onSubmit={submit} noValidate>
      <label className='copy-field__label' htmlFor={id}>Magnet link</label>
      <div className='copy-field__row'>
        <input
          id={id}
          className='copy-field__input'
          type='text'
          inputMode='url'
          autoComplete='off'
          spellCheck={false}
          placeholder='magnet:?xt=urn:btih:…'
          value={value}
          autoFocus={autoFocus}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? `${id}-error` : undefined}
          onChange={event => { setValue(event.target.value); setError(null) }}
          data-testid={TEST_IDS.magnetInput}
        />
        <button type='submit' className='button'>Open</button>
      </div>
      {error !== null && <p id={`${id}-error`} className='magnet-form__error' role='alert' data-testid={TEST_IDS.magnetError}>{error}</p>}
    </form>
  )
}
