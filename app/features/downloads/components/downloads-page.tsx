/**
 * "Downloads": the home server's download queue. Paste a magnet link or drop a .torrent; the
 * seed node (not this device) downloads it into the library's downloads folder, and when it
 * completes it joins the library. Loaded on demand (a lazy chunk), so the library's first
 * screen does not carry it.
 */
import { useCallback, useMemo, type ReactNode } from 'react'
import type { Catalog } from '../../../../protocol/catalog.ts'
import { StatusMessage } from '../../../components/status-message.tsx'
import { useLibraryKey } from '../../../lib/household/use-library-key.ts'
import { downloadRowModel } from '../download-row-model.ts'
import type { DownloadView } from '../../../../protocol/api/downloads.ts'
import { useDownloads } from '../use-downloads.ts'
import { useReloadOnCompletion } from '../use-reload-on-completion.ts'
import { AddMagnetForm } from './add-magnet-form.tsx'
import { DownloadRow } from './download-row.tsx'
import { TorrentDropZone } from './torrent-drop-zone.tsx'
import '../downloads.css'

export interface DownloadsPageProps {
  /** The catalog on screen, to link finished downloads to their item; null while it loads. */
  catalog: Catalog | null
  /** Ask for the catalog again (a download completed). */
  onCatalogChanged: () => void
  onOpenItem: (itemId: string) => void
  /** Shown instead of the queue on a device that is not paired (the shell passes "Pair this device"). */
  unpaired: ReactNode
}

export function DownloadsPage (props: DownloadsPageProps) {
  const libraryKey = useLibraryKey()
  if (libraryKey === null) return <>{props.unpaired}</>
  if (libraryKey === undefined) return <StatusMessage tone='loading' title='Opening the download queue…' />
  return <DownloadQueue {...props} />
}

function DownloadQueue ({ catalog, onCatalogChanged, onOpenItem }: DownloadsPageProps) {
  const { state, refresh, put, drop } = useDownloads()
  const catalogIds = useMemo(() => catalog ? new Set(catalog.items.map(item => item.id)) : null, [catalog])
  const downloads = state.status === 'ready' ? state.list.downloads : null
  useReloadOnCompletion(downloads, catalogIds, onCatalogChanged)
  const onAdded = useCallback((download: DownloadView) => { put(download); refresh() }, [put, refresh])
  const onRemoved = useCallback((infoHash: string) => { drop(infoHash); refresh() }, [drop, refresh])

  return (
    <main className='downloads'>
      <header className='downloads__header'>
        <h1 className='downloads__title'>Downloads</h1>
        <p className='downloads__text'>
          The home server downloads these itself, at full home bandwidth, whether or not this
          device stays on{state.status === 'ready' && <> — into <code className='downloads__folder'>{state.list.folder}</code></>}.
          Finished downloads join the library.
        </p>
      </header>
      <section className='downloads__add' aria-label='Add a download'>
        <AddMagnetForm onAdded={onAdded} />
        <TorrentDropZone onAdded={onAdded} />
      </section>
      {renderQueue()}
    </main>
  )

  function renderQueue () {
    if (state.status === 'loading') return <p className='downloads__status'><span className='spinner' aria-hidden='true' /> Loading the queue…</p>
    if (state.status === 'error') {
      return (
        <div className='downloads__status downloads__status--error' role='alert'>
          <p>The download queue could not be loaded: {state.message}</p>
          <button type='button' className='button button--small' onClick={refresh}>Retry</button>
        </div>
      )
    }
    const rows = state.list.downloads.map(download => downloadRowModel(download, catalogIds ?? new Set()))
    return (
      <section className='downloads__queue' aria-label='Download queue'>
        {state.stale !== null && <p className='downloads__stale' role='status'>Not up to date: {state.stale}</p>}
        {rows.length === 0
          ? <p className='downloads__empty'>Nothing in the queue. Paste a magnet link or drop a .torrent file above.</p>
          : (
            <ul className='downloads__list'>
              {rows.map(row => <DownloadRow key={row.infoHash} row={row} onChanged={put} onRemoved={onRemoved} onOpenItem={onOpenItem} />)}
            </ul>
            )}
      </section>
    )
  }
}
