/** One item of the library grid. Test hooks: `data-testid="library-item"`, `data-item-id` (see `test-ids.ts`). */
import type { MouseEvent } from 'react'
import type { CatalogItem } from '../../../protocol/catalog.ts'
import { formatBytes } from '../../format/format-bytes.ts'
import { formatDuration } from '../../format/format-duration.ts'
import { formatEpisode } from '../../format/format-episode.ts'
import { routePath } from '../../routing/route.ts'
import { TEST_IDS } from '../../test-ids.ts'
import { Poster } from './poster.tsx'

const KIND_LABELS: Record<CatalogItem['kind'], string> = { film: 'Film', episode: 'Episode', audio: 'Audio' }

interface LibraryCardProps {
  item: CatalogItem
  onOpen: (item: CatalogItem) => void
}

export function LibraryCard ({ item, onOpen }: LibraryCardProps) {
  const offline = item.availability === 'offline'
  const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    // Let the browser handle new-tab / new-window clicks; route in-page otherwise.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    onOpen(item)
  }
  return (
    <li className={offline ? 'card card--offline' : 'card'}>
      <a
        className='card__link'
        href={routePath({ name: 'watch', itemId: item.id })}
        onClick={onClick}
        data-testid={TEST_IDS.libraryItem}
        data-item-id={item.id}
      >
        <div className='card__poster'>
          <Poster item={item} />
          <span className='card__duration'>{formatDuration(item.durationSec)}</span>
          {offline && <span className='badge badge--offline'>Offline</span>}
        </div>
        <div className='card__body'>
          <h2 className='card__title'>{item.title}</h2>
          <p className='card__meta'>
            <span className='badge'>{KIND_LABELS[item.kind]}</span>
            {item.series && <span className='card__episode'>{item.series.name} · {formatEpisode(item.series)}</span>}
            <span className='card__size'>{formatBytes(item.sizeBytes)}</span>
          </p>
        </div>
      </a>
    </li>
  )
}
