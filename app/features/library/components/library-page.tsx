/**
 * The library: "Continue watching" on top, then every catalog item as a responsive grid of
 * cards (series grouped after films), each showing how far the profile got; below, files
 * dropped onto the page and shared from this tab. Other features' parts come in through
 * slots, wired by the shell: the ingest banner (`banner`) and each card's "Share"
 * (`renderItemActions`); the shell also wraps the page in drop-to-share.
 */
import type { ReactNode } from 'react'
import type { Catalog, CatalogItem } from '../../../../protocol/catalog.ts'
import { continueWatching } from '../../../lib/watch-state/continue-watching.ts'
import { unwatchedChange, watchedChange } from '../../../lib/watch-state/mark-watched.ts'
import { useWatchRecords, useWatchStateStore } from '../../../lib/watch-state/use-watch-state.ts'
import { sortLibrary } from '../sort-library.ts'
import { ContinueWatchingRow } from './continue-watching-row.tsx'
import { LibraryCard } from './library-card.tsx'

interface LibraryPageProps {
  catalog: Catalog
  onOpen: (item: CatalogItem) => void
  /** Under the title: the "Indexing your library" banner. */
  banner?: ReactNode
  /** More actions beside each card's mark-as-watched (the "Share" button). */
  renderItemActions?: (item: CatalogItem) => ReactNode
}

export function LibraryPage ({ catalog, onOpen, banner, renderItemActions }: LibraryPageProps) {
  const items = sortLibrary(catalog.items)
  const store = useWatchStateStore()
  const records = useWatchRecords()
  const onMark = store
    ? (item: CatalogItem, watched: boolean): void => {
        const record = records.get(item.id)
        store.put(watched ? watchedChange(item, record) : unwatchedChange(item, record))
          .catch((err: unknown) => console.warn('[hearth] could not save the watched mark', err))
      }
    : undefined
  return (
    <main className='library'>
      <header className='library__header'>
        <h1 className='library__title'>{catalog.libraryName}</h1>
        <p className='library__count'>{items.length === 1 ? '1 item' : `${items.length} items`}</p>
      </header>
      {banner}
      <ContinueWatchingRow rows={continueWatching(items, records)} onOpen={onOpen} />
      {items.length === 0
        ? <p className='status__text'>The library is empty. Add films or series to the library folder on the home server.</p>
        : (
          <ul className='library__grid'>
            {items.map(item => <LibraryCard key={item.id} item={item} record={records.get(item.id)} onMark={onMark} onOpen={onOpen} actions={renderItemActions?.(item)} />)}
          </ul>
          )}
    </main>
  )
}
