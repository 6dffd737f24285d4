/** A show's page (`/show/<name>`), or "not in the library" when no episode carries that name. */
import type { Catalog, CatalogItem } from '../../protocol/catalog.ts'
import { StatusMessage } from '../components/status-message.tsx'
import { libraryIndexFor } from '../features/library/library-index-cache.ts'
import { ShowPage } from '../features/library/components/show-page.tsx'

interface ShowScreenProps {
  catalog: Catalog
  series: string
  onOpen: (item: CatalogItem) => void
  onBack: () => void
  onHome: () => void
}

export function ShowScreen ({ catalog, series, onOpen, onBack, onHome }: ShowScreenProps) {
  const show = libraryIndexFor(catalog.items).showsByName.get(series)
  if (!show) {
    return <StatusMessage tone='error' title='Not in the library' action={{ label: 'Go to the library', onClick: onHome }}>No show called “{series}” is in the catalog.</StatusMessage>
  }
  return <ShowPage show={show} onOpen={onOpen} onBack={onBack} />
}
