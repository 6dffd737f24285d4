/** The top bar: the Hearth mark, which always leads home to the library. */
import type { MouseEvent } from 'react'

export function AppHeader ({ onHome }: { onHome: () => void }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    onHome()
  }
  return (
    <header className='app-header'>
      <a className='app-header__brand' href='/' onClick={onClick}>
        <img className='app-header__logo' src='/icons/icon-192.png' alt='' width={28} height={28} />
        <span>Hearth</span>
      </a>
    </header>
  )
}
