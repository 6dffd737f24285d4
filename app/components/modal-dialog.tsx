/**
 * A modal dialog on the native `<dialog>` element opened with `showModal()`: the rest of
 * the page is inert (focus stays inside), Esc closes it (the `cancel` event), a click on the
 * backdrop closes it, and focus returns to whatever had it before.
 */
import { useEffect, useRef, type ReactNode } from 'react'

interface ModalDialogProps {
  title: string
  onClose: () => void
  children: ReactNode
  className?: string
}

export function ModalDialog ({ title, onClose, children, className }: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null)
  const onCloseRef = useRef(onClose)
  useEffect(() => { onCloseRef.current = onClose }, [onClose])

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!element.open) element.showModal()
    const onCancel = (event: Event): void => {
      event.preventDefault() // React owns whether the dialog is rendered
      onCloseRef.current()
    }
    element.addEventListener('cancel', onCancel)
    return () => {
      element.removeEventListener('cancel', onCancel)
      if (element.open) element.close()
      opener?.focus()
    }
  }, [])

  return (
    <dialog
      ref={dialog}
      className={['modal', className].filter(Boolean).join(' ')}
      aria-labelledby='modal-title'
      onClick={event => { if (event.target === dialog.current) onClose() }}
    >
      <div className='modal__body'>
        <header className='modal__header'>
          <h2 id='modal-title' className='modal__title'>{title}</h2>
          <button type='button' className='modal__close' aria-label='Close' onClick={onClose}>×</button>
        </header>
        {children}
      </div>
    </dialog>
  )
}
