/**
 * Add `.torrent` files: choose them (test id `download-torrent-input`) or drop them anywhere
 * on the Downloads page; the zone lights up while files are dragged over the window. Each
 * file is checked here (`torrent-file-base64.ts`: a .torrent, at most 4 MiB) and sent as
 * base64; refusals are listed per file (test id `download-error`).
 */
import { useEffect, useId, useRef, useState } from 'react'
import { TEST_IDS } from '../../test-ids.ts'
import type { DownloadView } from '../download-schema.ts'
import { addTorrentDownload } from '../downloads-api.ts'
import { downloadsErrorMessage } from '../downloads-request.ts'
import { MAX_TORRENT_FILE_BYTES, torrentFileToBase64 } from '../torrent-file-base64.ts'

/** Files taken from one drop or pick; a drop of a whole folder is not a queue request. */
const MAX_FILES_PER_DROP = 20

interface TorrentDropZoneProps {
  credential: string
  onAdded: (download: DownloadView) => void
}

export function TorrentDropZone ({ credential, onAdded }: TorrentDropZoneProps) {
  const id = useId()
  const picker = useRef<HTMLInputElement>(null)
  const [dragging, setDragging] = useState(false)
  const [sending, setSending] = useState(0)
  const [errors, setErrors] = useState<string[]>([])

  const addFiles = (list: FileList | null): void => {
    const files = list ? Array.from(list) : []
    if (files.length === 0) return
    setErrors(files.length > MAX_FILES_PER_DROP ? [`Only the first ${MAX_FILES_PER_DROP} files were taken.`] : [])
    for (const file of files.slice(0, MAX_FILES_PER_DROP)) {
      setSending(n => n + 1)
      torrentFileToBase64(file)
        .then(async base64 => await addTorrentDownload(base64, credential))
        .then(onAdded, (err: unknown) => setErrors(previous => [...previous, `${file.name.slice(0, 120)} was not added: ${downloadsErrorMessage(err)}`]))
        .finally(() => setSending(n => n - 1))
    }
  }
  const addFilesRef = useRef(addFiles)
  useEffect(() => { addFilesRef.current = addFiles })

  // The whole page takes the drop, so a file dropped beside the zone is not opened by the browser.
  useEffect(() => {
    let depth = 0
    const carriesFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') === true
    const onEnter = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      depth += 1
      setDragging(true)
    }
    const onOver = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const onLeave = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const onDrop = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      depth = 0
      setDragging(false)
      addFilesRef.current(event.dataTransfer?.files ?? null)
    }
    window.addEventListener('dragenter', onEnter)
    window.addEventListener('dragover', onOver)
    window.addEventListener('dragleave', onLeave)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragenter', onEnter)
      window.removeEventListener('dragover', onOver)
      window.removeEventListener('dragleave', onLeave)
      window.removeEventListener('drop', onDrop)
    }
  }, [])

  return (
    <div className={dragging ? 'torrent-drop torrent-drop--active' : 'torrent-drop'}>
      <p className='torrent-drop__text'>
        <strong>Drop a .torrent file here</strong> or{' '}
        <button type='button' className='button button--ghost button--outline button--small' onClick={() => picker.current?.click()}>choose one…</button>
      </p>
      <label className='visually-hidden' htmlFor={id}>.torrent files to download</label>
      <input
        id={id}
        ref={picker}
        className='visually-hidden'
        type='file'
        accept='.torrent,application/x-bittorrent'
        multiple
        onChange={event => {
          addFiles(event.currentTarget.files)
          event.currentTarget.value = '' // choosing the same file again still fires change
        }}
        data-testid={TEST_IDS.downloadTorrentInput}
      />
      <p className='torrent-drop__hint'>Up to {MAX_TORRENT_FILE_BYTES / (1024 * 1024)} MiB each.{sending > 0 && ' Adding…'}</p>
      {errors.map(error => <p key={error} className='magnet-form__error' role='alert' data-testid={TEST_IDS.downloadError}>{error}</p>)}
    </div>
  )
}
