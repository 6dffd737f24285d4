/** A centred loading or error panel, with an optional action (Retry, Back to library). */
import type { ReactNode } from 'react'

interface StatusMessageProps {
  tone: 'loading' | 'error'
  title: string
  children?: ReactNode
  action?: { label: string, onClick: () => void }
}

export function StatusMessage ({ tone, title, children, action }: StatusMessageProps) {
  return (
    <main className={`status status--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {tone === 'loading' && <span className='spinner' aria-hidden='true' />}
      <h1 className='status__title'>{title}</h1>
      {children !== undefined && <p className='status__text'>{children}</p>}
      {action && <button type='button' className='button' onClick={action.onClick}>{action.label}</button>}
    </main>
  )
}
