/**
 * One download of the queue: name (a link to the library item once it is there), state,
 * progress bar, size, speed, peers, time left, and Pause / Resume / Remove. Test hooks:
 * `download-row` with `data-info-hash` and `data-state`; inside it `download-progress`
 * (`aria-valuenow` in percent), `download-pause`, `download-resume`, `download-remove`,
 * `download-error`.
 */
import { useState } from 'react'
import { inPageClick } from '../../../lib/routing/in-page-click.ts'
import { routePath } from '../../../lib/routing/route.ts'
import { TEST_IDS } from '../../../test-ids.ts'
import type { DownloadRowModel } from '../download-row-model.ts'
import type { DownloadView } from '../../../../protocol/api/downloads.ts'
import { apiErrorMessage } from '../../../lib/api/api-client-error.ts'
import { isFinished } from '../download-state-label.ts'
import { pauseDownload, resumeDownload } from '../api/pause-download.ts'
import { removeDownload } from '../api/remove-download.ts'
import { RemoveDownloadDialog } from './remove-download-dialog.tsx'

interface DownloadRowProps {
  row: DownloadRowModel
  onChanged: (download: DownloadView) => void
  onRemoved: (infoHash: string) => void
  onOpenItem: (itemId: string) => void
}

export function DownloadRow ({ row, onChanged, onRemoved, onOpenItem }: DownloadRowProps) {
  const [busy, setBusy] = useState(false)
  const [actionError, setActionError] = useState<string | null>(null)
  const [removing, setRemoving] = useState(false)

  const run = <T,>(what: string, call: () => Promise<T>, done: (result: T) => void): void => {
    setBusy(true)
    setActionError(null)
    call().then(done, (err: unknown) => setActionError(`Could not ${what}: ${apiErrorMessage(err)}`)).finally(() => setBusy(false))
  }
  const pause = (): void => run('pause', async () => await pauseDownload(row.infoHash), onChanged)
  const resume = (): void => run('resume', async () => await resumeDownload(row.infoHash), onChanged)
  const remove = (deleteData: boolean): void => run('remove', async () => {
    try {
      return await removeDownload(row.infoHash, deleteData)
    } finally {
      setRemoving(false) // a refusal is shown in the row, not behind the dialog
    }
  }, () => onRemoved(row.infoHash))
  const itemId = row.libraryItemId

  return (
    <li className={`download download--${row.state}`} data-testid={TEST_IDS.downloadRow} data-info-hash={row.infoHash} data-state={row.state}>
      <div className='download__head'>
        <h2 className='download__name'>
          {itemId !== null
            ? <a href={routePath({ name: 'watch', itemId })} onClick={inPageClick(() => onOpenItem(itemId))} title='Play it from the library'>{row.name}</a>
            : row.name}
        </h2>
        <span className={`badge download__state download__state--${row.state}`}>{row.stateLabel}</span>
      </div>
      <DownloadProgress row={row} />
      {row.errorMessage !== null && <p className='download__error' role='alert' data-testid={TEST_IDS.downloadError}>{row.errorMessage}</p>}
      {actionError !== null && <p className='download__error' role='alert' data-testid={TEST_IDS.downloadError}>{actionError}</p>}
      <div className='download__actions'>
        {itemId !== null && (
          <a className='button button--small' href={routePath({ name: 'watch', itemId })} onClick={inPageClick(() => onOpenItem(itemId))}>Play</a>
        )}
        {row.canPause && <button type='button' className='button button--ghost button--outline button--small' disabled={busy} onClick={pause} data-testid={TEST_IDS.downloadPause}>Pause</button>}
        {row.canResume && <button type='button' className='button button--ghost button--outline button--small' disabled={busy} onClick={resume} data-testid={TEST_IDS.downloadResume}>{row.state === 'error' ? 'Retry' : 'Resume'}</button>}
        <button type='button' className='button button--ghost button--small' disabled={busy} onClick={() => setRemoving(true)} data-testid={TEST_IDS.downloadRemove}>Remove…</button>
      </div>
      {removing && <RemoveDownloadDialog name={row.name} finished={isFinished(row.state)} busy={busy} onRemove={remove} onClose={() => setRemoving(false)} />}
    </li>
  )
}

/** The progress bar and the numbers under it (done, size, speed, peers, time left). */
function DownloadProgress ({ row }: { row: DownloadRowModel }) {
  const percent = Math.round(row.progress * 1000) / 10
  return (
    <>
      <div
        className='download__bar'
        role='progressbar'
        aria-label={`${row.name}: downloaded`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-testid={TEST_IDS.downloadProgress}
      >
        <span className='download__bar-fill' style={{ width: `${percent}%` }} />
      </div>
      <dl className='download__stats'>
        <div><dt>Done</dt><dd>{row.percent}</dd></div>
        <div><dt>Size</dt><dd>{row.size}</dd></div>
        <div><dt>Speed</dt><dd>{row.speed}</dd></div>
        <div><dt>Peers</dt><dd>{row.peers}</dd></div>
        <div><dt>Time left</dt><dd>{row.eta}</dd></div>
      </dl>
    </>
  )
}
