/**
 * The top bar: the Hearth mark, which always leads home to the library, "Open a magnet link"
 * (a paste field in a dialog; test id `open-magnet`), "Downloads" (the home server's download
 * queue; test id `downloads-link`) and "Add a device".
 */
import { useState } from 'react'
import { OpenMagnetDialog } from '../features/open/components/open-magnet-dialog.tsx'
import { inPageClick } from '../lib/routing/in-page-click.ts'
import { TEST_IDS } from '../test-ids.ts'

interface AppHeaderProps {
  onHome: () => void
  onDevices: () => void
  onDownloads: () => void
  onOpenMagnet: (magnet: string) => void
}

export function AppHeader ({ onHome, onDevices, onDownloads, onOpenMagnet }: AppHeaderProps) {
  const [pasting, setPasting] = useState(false)
  return (
    <header className='app-header'>
      <a className='app-header__brand' href='/' onClick={inPageClick(onHome)}>
        <img className='app-header__logo' src='/icons/icon-192.png' alt='' width={28} height={28} />
        <span>Hearth</span>
      </a>
      <nav className='app-header__nav'>
        <button type='button' className='app-header__link' aria-haspopup='dialog' onClick={() => setPasting(true)} data-testid={TEST_IDS.openMagnet}>
          Open a magnet link
        </button>
        <a className='app-header__link' href='/downloads' onClick={inPageClick(onDownloads)} data-testid={TEST_IDS.downloadsLink}>Downloads</a>
        <a className='app-header__link' href='/devices' onClick={inPageClick(onDevices)}>Add a device</a>
      </nav>
      {pasting && <OpenMagnetDialog onOpen={onOpenMagnet} onClose={() => setPasting(false)} />}
    </header>
  )
}
