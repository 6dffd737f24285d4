/** The library: every catalog item as a responsive grid of cards, series grouped after films. */
import type { Catalog, CatalogItem } from '../../../protocol/catalog.ts'
import { sortLibrary } from '../sort-library.ts'
import { LibraryCard } from './library-card.tsx'

interface LibraryPageProps {
  catalog: Catalog
  onOpen: (item: CatalogItem) => void
}

export function LibraryPage ({ catalog, onOpen }: LibraryPageProps) {
  const items = sortLibrary(catalog.items)
  return (
    <main className='library'>
      <header className='library__header'>
        <h1 className='library__title'>{catalog.libraryName}</h1>
        <p className='library__count'>{items.length === 1 ? '1 item' : `${items.length} items`}</p>
      </header>
      {items.length === 0
        ? <p className='status__text'>The library is empty. Add films or series to the library folder on the home server.</p>
        : <ul className='library__grid'>{items.map(item => <LibraryCard key={item.id} item={item} onOpen={onOpen} />)}</ul>}
    </main>
  )
}
