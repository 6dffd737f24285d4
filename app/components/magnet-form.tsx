/**
 * The paste form for a magnet link, shared by "Open a magnet link" and the Downloads page:
 * label, input and button on one row, and the error under them (announced to screen readers).
 * The link is checked with `parseMagnet` before `onSubmit` sees it, so a bad one is explained
 * before anything navigates or goes to the seed node. An `onSubmit` that returns a promise holds
 * the button until it settles: fulfilled, the field empties for the next link; rejected, the
 * error's message is shown under the field.
 */
import { useId, useState, type FormEvent } from 'react'
import { MagnetError, parseMagnet } from '../../protocol/magnet/parse-magnet.ts'
import { TEST_IDS } from '../test-ids.ts'

/** The paste field's ids where a link is opened (header dialog, `/open`); Downloads names its own. */
const OPEN_TEST_IDS = { input: TEST_IDS.magnetInput, error: TEST_IDS.magnetError }

interface MagnetFormProps {
  /** Gets the trimmed link once `parseMagnet` accepts it. */
  onSubmit: (magnet: string) => void | Promise<void>
  submitLabel: string
  /** The button's words while a promise from `onSubmit` is pending. */
  busyLabel?: string
  testIds?: { input: string, error: string, submit?: string }
  initialValue?: string
  /** Why the link that led here was refused (shown until the field is edited). */
  initialError?: string
  autoFocus?: boolean
}

export function MagnetForm ({ onSubmit, submitLabel, busyLabel = submitLabel, testIds = OPEN_TEST_IDS, initialValue = '', initialError, autoFocus = false }: MagnetFormProps) {
  const id = useId()
  const [value, setValue] = useState(initialValue)
  const [error, setError] = useState<string | null>(initialError ?? null)
  const [busy, setBusy] = useState(false)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (busy) return
    const magnet = value.trim()
    try {
      parseMagnet(magnet)
    } catch (err) {
      setError(err instanceof MagnetError ? err.message : String(err))
      return
    }
    setError(null)
    const sent = onSubmit(magnet)
    if (sent === undefined) return
    setBusy(true)
    sent.then(
      () => setValue(''),
      (err: unknown) => setError(err instanceof Error ? err.message : String(err))
    ).finally(() => setBusy(false))
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
          data-testid={testIds.input}
        />
        <button type='submit' className='button' disabled={busy || value.trim() === ''} data-testid={testIds.submit}>
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
      {error !== null && <p id={`${id}-error`} className='magnet-form__error' role='alert' data-testid={testIds.error}>{error}</p>}
    </form>
  )
}
