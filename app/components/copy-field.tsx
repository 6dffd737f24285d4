/**
 * A read-only text field with a Copy button; if the browser refuses the clipboard, it says
 * so and the text can still be selected by hand.
 */
import { useEffect, useId, useState } from 'react'

const COPIED_VISIBLE_MS = 2 * 1000

interface CopyFieldProps {
  label: string
  value: string
  testId: string
}

export function CopyField ({ label, value, testId }: CopyFieldProps) {
  const id = useId()
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)
  useEffect(() => {
    if (copied !== 'yes') return
    const timer = setTimeout(() => setCopied(null), COPIED_VISIBLE_MS)
    return () => clearTimeout(timer)
  }, [copied])
  const copy = (): void => {
    navigator.clipboard.writeText(value).then(() => setCopied('yes'), () => setCopied('failed'))
  }
  return (
    <div className='copy-field'>
      <label className='copy-field__label' htmlFor={id}>{label}</label>
      <div className='copy-field__row'>
        <input id={id} className='copy-field__input' type='text' readOnly value={value} data-testid={testId} onFocus={event => event.currentTarget.select()} />
        <button type='button' className='button' onClick={copy}>{copied === 'yes' ? 'Copied' : 'Copy'}</button>
      </div>
      {copied === 'failed' && <p className='copy-field__hint' role='alert'>The browser did not allow copying; select the link and copy it by hand.</p>}
    </div>
  )
}
