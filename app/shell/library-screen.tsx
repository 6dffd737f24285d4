/**
 * The library page as the shell puts it together: features do not import each other, so the
 * ingest banner, the Live row, each card's "Share" and drop-to-share are wired in here.
 */
import type { Catalog, CatalogItem } from '../../protocol/catalog.ts'
import type { LibraryQuery } from '../lib/routing/library-query.ts'
import type { Show } from '../features/library/group-shows.ts'
import { IngestBanner } from '../features/ingest/components/ingest-banner.tsx'
import { LibraryPage } from '../features/library/components/library-page.tsx'
import { DropToShare } from '../features/seeding/components/drop-to-share.tsx'
import { ShareButton } from '../features/sharing/components/share-button.tsx'
import { LiveRow } from '../features/live/components/live-row.tsx'
import { routePath } from '../lib/routing/route.ts'

interface LibraryScreenProps {
  catalog: Catalog
  onOpen: (item: CatalogItem) => void
  onOpenShow: (show: Show) => void
  query: LibraryQuery | undefined
  onQueryChange: (query: LibraryQuery, options: { replace: boolean }) => void
  /** Ask for the catalog again (indexing finished: new items are ready). */
  onLibraryChanged: () => void
  onOpenChannel: (channelId: string) => void
}

export function LibraryScreen ({ catalog, onOpen, onOpenShow, query, onQueryChange, onLibraryChanged, onOpenChannel }: LibraryScreenProps) {
  return (
    <DropToShare>
      <LibraryPage
        catalog={catalog}
        onOpen={onOpen}
        onOpenShow={onOpenShow}
        query={query}
        onQueryChange={onQueryChange}
        banner={<IngestBanner onFinished={onLibraryChanged} />}
        live={<LiveRow onOpen={onOpenChannel} channelPath={channelId => routePath({ name: 'live', channelId })} />}
        renderItemActions={renderCardShare}
      />
    </DropToShare>
  )
}

function renderCardShare (item: CatalogItem) {
  return <ShareButton infoHash={item.id} title={item.title} compact />
}
