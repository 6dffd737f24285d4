/**
 * Add `.torrent` files: choose them (test id `download-torrent-input`) or drop them anywhere
 * on the Downloads page; the zone lights up while files are dragged over the window. Each
 * file is checked here (`torrent-file-base64.ts`: a .torrent, at most 4 MiB) and sent as
 * base64; refusals are listed per file (test id `download-error`).
 */
import { useId, useRef, useState } from 'react'
import { TEST_IDS } from '../../../test-ids.ts'
import type { DownloadView } from '../../../../protocol/api/downloads.ts'
import { apiErrorMessage } from '../../../lib/api/api-client-error.ts'
import { addTorrentDownload } from '../api/add-download.ts'
import { MAX_TORRENT_FILE_BYTES } from '../../../../protocol/api/downloads.ts'
import { torrentFileToBase64 } from '../torrent-file-base64.ts'
import { useWindowFileDrop } from '../../../hooks/use-window-file-drop.ts'

/** Files taken from one drop or pick; a drop of a whole folder is not a queue request. */
const MAX_FILES_PER_DROP = 20

interface TorrentDropZoneProps {
  onAdded: (download: DownloadView) => void
}

export function TorrentDropZone ({ onAdded }: TorrentDropZoneProps) {
  const id = useId()
  const picker = useRef<HTMLInputElement>(null)
  const [sending, setSending] = useState(0)
  const [errors, setErrors] = useState<string[]>([])

  const addFiles = (list: FileList | null): void => {
    const files = list ? Array.from(list) : []
    if (files.length === 0) return
    setErrors(files.length > MAX_FILES_PER_DROP ? [`Only the first ${MAX_FILES_PER_DROP} files were taken.`] : [])
    for (const file of files.slice(0, MAX_FILES_PER_DROP)) {
      setSending(n => n + 1)
      torrentFileToBase64(file)
        .then(async base64 => await addTorrentDownload(base64))
        .then(onAdded, (err: unknown) => setErrors(previous => [...previous, `${file.name.slice(0, 120)} was not added: ${apiErrorMessage(err)}`]))
        .finally(() => setSending(n => n - 1))
    }
  }
  const dragging = useWindowFileDrop(addFiles)

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
