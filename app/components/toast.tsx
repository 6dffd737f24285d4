/** A short notice at the bottom of the screen that leaves by itself. Test hook `toast`. */
import { useEffect } from 'react'
import { TEST_IDS } from '../test-ids.ts'

export interface ToastMessage {
  readonly id: number
  readonly tone: 'info' | 'error'
  readonly text: string
}

const TOAST_VISIBLE_MS = 6 * 1000

export function Toast ({ toast, onDismiss }: { toast: ToastMessage | null, onDismiss: () => void }) {
  useEffect(() => {
    if (!toast) return
    const timer = setTimeout(onDismiss, TOAST_VISIBLE_MS)
    return () => clearTimeout(timer)
  }, [toast, onDismiss])
  if (!toast) return null
  return (
    <div className={`toast toast--${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'} data-testid={TEST_IDS.toast}>
      <span>{toast.text}</span>
      <button type='button' className='toast__close' aria-label='Dismiss' onClick={onDismiss}>×</button>
    </div>
  )
}
