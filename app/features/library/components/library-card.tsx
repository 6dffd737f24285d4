/**
 * One item of the library grid, with how far the profile got (progress bar or "Watched" tick)
 * and the mark-as-watched actions. Test hooks: `library-item` + `data-item-id` on the link;
 * `watch-progress`, `watched-badge` inside it; `mark-watched` / `mark-unwatched` beside it
 * (a button may not sit inside a link), with the shell's `actions` ("Share", `share-item`).
 * See `test-ids.ts`.
 */
import type { MouseEvent, ReactNode } from 'react'
import type { CatalogItem } from '../../../../protocol/catalog.ts'
import type { WatchRecord } from '../../../../protocol/watch-record.ts'
import { formatBytes } from '../../../lib/format/format-bytes.ts'
import { formatDuration } from '../../../lib/format/format-duration.ts'
import { formatEpisode } from '../../../lib/format/format-episode.ts'
import { routePath } from '../../../lib/routing/route.ts'
import { TEST_IDS } from '../../../test-ids.ts'
import { MarkWatchedActions } from '../../../components/watch-state/mark-watched-actions.tsx'
import { WatchProgressBar } from '../../../components/watch-state/watch-progress-bar.tsx'
import { WatchedBadge } from '../../../components/watch-state/watched-badge.tsx'
import { isInProgress, watchedFraction } from '../../../lib/watch-state/continue-watching.ts'
import { Poster } from './poster.tsx'
import { CardCodecNotice } from './card-codec-notice.tsx'

const KIND_LABELS: Record<CatalogItem['kind'], string> = { film: 'Film', episode: 'Episode', audio: 'Audio' }

interface LibraryCardProps {
  item: CatalogItem
  record: WatchRecord | undefined
  /** Absent while the watch-state store is not open. */
  onMark?: (item: CatalogItem, watched: boolean) => void
  onOpen: (item: CatalogItem) => void
  /** More actions for this item, after mark-as-watched. */
  actions?: ReactNode
  /** Roving tabindex of the grid: only the current tile's link is in the tab order. */
  tabIndex?: 0 | -1
}

export function LibraryCard ({ item, record, onMark, onOpen, actions, tabIndex }: LibraryCardProps) {
  const offline = item.availability === 'offline'
  const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    // Let the browser handle new-tab / new-window clicks; route in-page otherwise.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    onOpen(item)
  }
  return (
    <div className={offline ? 'card card--offline' : 'card'}>
      <a
        className='card__link'
        href={routePath({ name: 'watch', itemId: item.id })}
        onClick={onClick}
        data-testid={TEST_IDS.libraryItem}
        data-item-id={item.id}
        data-grid-focus=''
        tabIndex={tabIndex}
      >
        <div className='card__poster'>
          <Poster item={item} />
          <span className='card__duration'>{formatDuration(item.durationSec)}</span>
          {offline && <span className='badge badge--offline'>Offline</span>}
          {record?.finished === true && <WatchedBadge className='card__watched' />}
          {isInProgress(record) && <WatchProgressBar className='watch-progress--overlay' positionSec={record.positionSec} fraction={watchedFraction(item, record)} />}
        </div>
        <div className='card__body'>
          <h2 className='card__title'>{item.title}</h2>
          <p className='card__meta'>
            <span className='badge'>{KIND_LABELS[item.kind]}</span>
            {item.series && <span className='card__episode'>{item.series.name} · {formatEpisode(item.series)}</span>}
            {item.artist && <span className='card__episode'>{item.artist}{item.album ? ` · ${item.album}` : ''}</span>}
            {item.year != null && item.kind !== 'episode' && !item.title.includes(`(${item.year})`) && <span className='card__year'>{item.year}</span>}
            <span className='card__size'>{formatBytes(item.sizeBytes)}</span>
          </p>
          <CardCodecNotice item={item} />
        </div>
      </a>
      <div className='card__actions'>
        <MarkWatchedActions
          record={record}
          compact
          disabled={!onMark}
          onMarkWatched={() => onMark?.(item, true)}
          onMarkUnwatched={() => onMark?.(item, false)}
        />
        {actions}
      </div>
    </div>
  )
}
