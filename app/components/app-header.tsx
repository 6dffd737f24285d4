/** The top bar: the Hearth mark, which always leads home to the library, and "Add a device". */
import type { MouseEvent } from 'react'

interface AppHeaderProps {
  onHome: () => void
  onDevices: () => void
}

export function AppHeader ({ onHome, onDevices }: AppHeaderProps) {
  return (
    <header className='app-header'>
      <a className='app-header__brand' href='/' onClick={inPage(onHome)}>
        <img className='app-header__logo' src='/icons/icon-192.png' alt='' width={28} height={28} />
        <span>Hearth</span>
      </a>
      <nav className='app-header__nav'>
        <a className='app-header__link' href='/devices' onClick={inPage(onDevices)}>Add a device</a>
      </nav>
    </header>
  )
}

/** Routes a plain left click in the page; lets the browser handle new-tab / new-window clicks. */
function inPage (go: () => void) {
  return (event: MouseEvent<HTMLAnchorElement>): void => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    go()
  }
}
