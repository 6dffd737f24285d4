/** The library's two routes: the grid (`/?q=…`) and a show's page (`/show/<name>`); their cards' torrents warm on hover. */
import type { Catalog, CatalogItem } from '../../protocol/catalog.ts'
import type { Route } from '../lib/routing/route.ts'
import type { NavigateOptions } from '../lib/routing/use-route.ts'
import { LibraryScreen } from './library-screen.tsx'
import { ShowScreen } from './show-screen.tsx'
import { useWarmOnHover } from '../lib/torrent/use-warm-on-hover.ts'

interface LibraryRoutesProps {
  route: Extract<Route, { name: 'library' | 'show' }>
  catalog: Catalog
  navigate: (to: Route, options?: NavigateOptions) => void
  onBack: () => void
  onHome: () => void
  onLibraryChanged: () => void
}

export function LibraryRoutes ({ route, catalog, navigate, onBack, onHome, onLibraryChanged }: LibraryRoutesProps) {
  // A card hovered, focused or pressed gets its torrent added before the click (issue 14).
  useWarmOnHover(catalog.items)
  const openItem = (item: CatalogItem): void => navigate({ name: 'watch', itemId: item.id })
  if (route.name === 'show') return <ShowScreen catalog={catalog} series={route.series} onOpen={openItem} onBack={onBack} onHome={onHome} />
  return (
    <LibraryScreen
      catalog={catalog}
      onOpen={openItem}
      onOpenShow={show => navigate({ name: 'show', series: show.name })}
      query={route.query}
      onQueryChange={(query, options) => navigate({ name: 'library', query }, options)}
      onLibraryChanged={onLibraryChanged}
      onOpenChannel={channelId => navigate({ name: 'live', channelId })}
    />
  )
}
