/**
 * The top bar: the Hearth mark, which always leads home to the library, "Open a magnet link"
 * (a paste field in a dialog; test id `open-magnet`) and "Add a device".
 */
import { useState, type MouseEvent } from 'react'
import { OpenMagnetDialog } from '../open/components/open-magnet-dialog.tsx'
import { TEST_IDS } from '../test-ids.ts'

interface AppHeaderProps {
  onHome: () => void
  onDevices: () => void
  onOpenMagnet: (magnet: string) => void
}

export function AppHeader ({ onHome, onDevices, onOpenMagnet }: AppHeaderProps) {
  const [pasting, setPasting] = useState(false)
  return (
    <header className='app-header'>
      <a className='app-header__brand' href='/' onClick={inPage(onHome)}>
        <img className='app-header__logo' src='/icons/icon-192.png' alt='' width={28} height={28} />
        <span>Hearth</span>
      </a>
      <nav className='app-header__nav'>
        <button type='button' className='app-header__link' aria-haspopup='dialog' onClick={() => setPasting(true)} data-testid={TEST_IDS.openMagnet}>
          Open a magnet link
        </button>
        <a className='app-header__link' href='/devices' onClick={inPage(onDevices)}>Add a device</a>
      </nav>
      {pasting && <OpenMagnetDialog onOpen={onOpenMagnet} onClose={() => setPasting(false)} />}
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
