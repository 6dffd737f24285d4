/**
 * Sharing local files from the library page: drag files anywhere onto the page (a visible
 * overlay says what happens) or choose them; this tab seeds them and shows their share links.
 * Paired devices only: the household tracker and the share link need the credential.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useCredential } from '../../../lib/household/use-credential.ts'
import { shareLocalFiles } from '../seeded-files.ts'
import { useSeededFiles } from '../use-seeded-files.ts'
import { SeededFilePanel } from './seeded-file-panel.tsx'
import { useWindowFileDrop } from '../../../hooks/use-window-file-drop.ts'

export function DropToShare ({ children }: { children: ReactNode }) {
  const credential = useCredential()
  const files = useSeededFiles()
  const [notice, setNotice] = useState<string | null>(null)
  const picker = useRef<HTMLInputElement>(null)
  const credentialRef = useRef(credential)
  useEffect(() => { credentialRef.current = credential }, [credential])

  const share = (list: FileList | null): void => {
    const dropped = list ? Array.from(list) : []
    if (dropped.length === 0) return
    const current = credentialRef.current
    if (typeof current !== 'string') {
      setNotice('Only a paired device can share files: pair this device with the household first (Add a device, on a paired one).')
      return
    }
    setNotice(shareLocalFiles(dropped, current))
  }
  const dragging = useWindowFileDrop(share)

  return (
    <>
      {children}
      <section className='drop-share' aria-labelledby='drop-share-title'>
        <div className='drop-share__head'>
          <h2 id='drop-share-title' className='drop-share__title'>Share a file from this device</h2>
          <button type='button' className='button button--ghost button--outline button--small' onClick={() => picker.current?.click()}>Choose a file…</button>
          <input ref={picker} type='file' multiple hidden onChange={event => { share(event.currentTarget.files); event.currentTarget.value = '' }} data-testid='share-file-input' />
        </div>
        <p className='drop-share__text'>
          Drop a file anywhere on this page (or choose one) to get a link a friend can open in any
          WebTorrent client. The file is shared <strong>only while this tab stays open</strong>; it is not added to the library.
        </p>
        {notice !== null && <p className='drop-share__notice' role='alert'>{notice}</p>}
        {files.length > 0 && <ul className='drop-share__list'>{files.map(file => <SeededFilePanel key={file.id} file={file} />)}</ul>}
      </section>
      {dragging && (
        <div className='drop-overlay' aria-hidden='true'>
          <div className='drop-overlay__box'>
            <p className='drop-overlay__title'>Drop to share from this tab</p>
            <p className='drop-overlay__text'>{typeof credential === 'string' ? 'You get a link for a friend; the file is shared while this tab stays open.' : 'Only paired devices can share files.'}</p>
          </div>
        </div>
      )}
    </>
  )
}
