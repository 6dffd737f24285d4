/**
 * The paste field for a magnet link, shared by "Open a magnet link" and the Downloads page:
 * label, input and the form's own button on one row, and the error under them (announced to
 * screen readers). The form around it decides what a submit does.
 */
import type { ReactNode } from 'react'

interface MagnetFieldProps {
  /** From `useId()` of the form: ties the label and the error to the input. */
  id: string
  value: string
  error: string | null
  onChange: (value: string) => void
  /** The submit button, as the form words it. */
  button: ReactNode
  inputTestId: string
  errorTestId: string
  autoFocus?: boolean
}

export function MagnetField ({ id, value, error, onChange, button, inputTestId, errorTestId, autoFocus = false }: MagnetFieldProps) {
  return (
    <>
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
          onChange={event => onChange(event.target.value)}
          data-testid={inputTestId}
        />
        {button}
      </div>
      {error !== null && <p id={`${id}-error`} className='magnet-form__error' role='alert' data-testid={errorTestId}>{error}</p>}
    </>
  )
}
