/**
 * The paste field for a magnet link (test ids `magnet-input`, `magnet-error`). The link is
 * checked here first, so a bad one is explained before anything navigates.
 */
import { useId, useState, type FormEvent } from 'react'
import { MagnetError, parseMagnet } from '../../../../protocol/magnet/parse-magnet.ts'
import { TEST_IDS } from '../../../test-ids.ts'
import { MagnetField } from '../../../components/magnet-field.tsx'

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
      <MagnetField
        id={id}
        value={value}
        error={error}
        autoFocus={autoFocus}
        onChange={next => { setValue(next); setError(null) }}
        inputTestId={TEST_IDS.magnetInput}
        errorTestId={TEST_IDS.magnetError}
        button={<button type='submit' className='button'>Open</button>}
      />
    </form>
  )
}
