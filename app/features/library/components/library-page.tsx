/**
 * The library. The home view (no search or filter): "Continue watching", "Up next",
 * "Recently added", then films, shows and music in one virtualized grid. Typing in the search
 * box or choosing a kind, filter or sort narrows the grid (the query is in the URL); episodes
 * are gathered into show tiles that open the show's page. Other features' parts come in
 * through slots, wired by the shell: the ingest banner (`banner`) and each card's "Share"
 * (`renderItemActions`); the shell also wraps the page in drop-to-share.
 */
import { useMemo, type ReactNode } from 'react'
import type { Catalog, CatalogItem } from '../../../../protocol/catalog.ts'
import { DEFAULT_LIBRARY_QUERY, isDefaultLibraryQuery, type LibraryQuery } from '../../../lib/routing/library-query.ts'
import { continueWatching } from '../../../lib/watch-state/continue-watching.ts'
import { useWatchRecords } from '../../../lib/watch-state/use-watch-state.ts'
import { TEST_IDS } from '../../../test-ids.ts'
import type { Show } from '../group-shows.ts'
import { browsableItems } from '../browsable-items.ts'
import { libraryIndexFor } from '../library-index-cache.ts'
import { queryLibrary } from '../query-library.ts'
import { entryKey, type LibraryEntry } from '../search-index.ts'
import { upNext } from '../up-next.ts'
import { useMarkWatched } from '../use-mark-watched.ts'
import { ContinueWatchingRow } from './continue-watching-row.tsx'
import { LibraryCard } from './library-card.tsx'
import { LibraryToolbar } from './library-toolbar.tsx'
import { ShelfRow } from './shelf-row.tsx'
import { ShowCard } from './show-card.tsx'
import { VirtualGrid } from './virtual-grid.tsx'

/** Items in the home page's "Recently added" row. */
const RECENT_ROW_ITEMS = 12

interface LibraryPageProps {
  catalog: Catalog
  query: LibraryQuery | undefined
  onQueryChange: (query: LibraryQuery, options: { replace: boolean }) => void
  onOpen: (item: CatalogItem) => void
  onOpenShow: (show: Show) => void
  /** On the home view, first: the Live row (live channels). */
  live?: ReactNode
  /** Under the title: the "Indexing your library" banner. */
  banner?: ReactNode
  /** More actions beside each card's mark-as-watched (the "Share" button). */
  renderItemActions?: (item: CatalogItem) => ReactNode
}

export function LibraryPage ({ catalog, query = DEFAULT_LIBRARY_QUERY, onQueryChange, onOpen, onOpenShow, live, banner, renderItemActions }: LibraryPageProps) {
  const items = browsableItems(catalog.items)
  const index = libraryIndexFor(items)
  const records = useWatchRecords()
  const onMark = useMarkWatched(records)
  const entries = useMemo(() => queryLibrary(index, query, records, Date.now()), [index, query, records])
  const home = isDefaultLibraryQuery(query)
  const recent = useMemo(() => [...items].sort((a, b) => b.addedAt.localeCompare(a.addedAt)).slice(0, RECENT_ROW_ITEMS), [items])
  const renderTile = (entry: LibraryEntry, tabIndex: 0 | -1): ReactNode => entry.type === 'show'
    ? <ShowCard show={entry.show} records={records} onOpenShow={onOpenShow} tabIndex={tabIndex} />
    : <LibraryCard item={entry.item} record={records.get(entry.item.id)} onMark={onMark} onOpen={onOpen} actions={renderItemActions?.(entry.item)} tabIndex={tabIndex} />
  const count = items.length
  return (
    <main className='library'>
      <header className='library__header'>
        <h1 className='library__title'>{catalog.libraryName}</h1>
        <p className='library__count'>{count === 1 ? '1 item' : `${count.toLocaleString()} items`}</p>
      </header>
      {banner}
      {count > 0 && <LibraryToolbar query={query} onChange={onQueryChange} resultCount={entries.length} />}
      {home && (
        <>
          {live}
          <ContinueWatchingRow rows={continueWatching(items, records)} onOpen={onOpen} />
          <ShelfRow title='Up next' items={upNext(index.shows, records).map(row => row.item)} onOpen={onOpen} testId={TEST_IDS.upNext} itemTestId={TEST_IDS.upNextItem} />
          {count > RECENT_ROW_ITEMS && <ShelfRow title='Recently added' items={recent} onOpen={onOpen} testId={TEST_IDS.recentlyAdded} itemTestId={TEST_IDS.recentItem} />}
        </>
      )}
      {count === 0 && <p className='status__text'>The library is empty. Add films or series to the library folder on the home server.</p>}
      {count > 0 && entries.length === 0 && <p className='status__text'>Nothing matches. Try fewer words, or another kind or filter.</p>}
      {entries.length > 0 && <VirtualGrid items={entries} getKey={entryKey} renderTile={renderTile} label='Library' />}
    </main>
  )
}
