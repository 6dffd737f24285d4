/**
 * "Continue watching": started, unfinished items, most recent first, each with its progress
 * and time left. Test hooks `continue-watching` (the row) and `continue-item` (`data-item-id`).
 */
import type { MouseEvent } from 'react'
import type { CatalogItem } from '../../../../protocol/catalog.ts'
import { formatEpisode } from '../../../lib/format/format-episode.ts'
import { formatTimeLeft } from '../../../lib/format/format-time-left.ts'
import { routePath } from '../../../lib/routing/route.ts'
import { TEST_IDS } from '../../../test-ids.ts'
import { knownDurationSec, watchedFraction, type InProgress } from '../../../lib/watch-state/continue-watching.ts'
import { WatchProgressBar } from '../../../components/watch-state/watch-progress-bar.tsx'
import { Poster } from './poster.tsx'

interface ContinueWatchingRowProps {
  rows: readonly InProgress[]
  onOpen: (item: CatalogItem) => void
}

export function ContinueWatchingRow ({ rows, onOpen }: ContinueWatchingRowProps) {
  if (rows.length === 0) return null
  return (
    <section className='continue' aria-labelledby='continue-title' data-testid={TEST_IDS.continueWatching}>
      <h2 id='continue-title' className='continue__title'>Continue watching</h2>
      <ul className='continue__list'>
        {rows.map(({ item, record }) => {
          const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
            event.preventDefault()
            onOpen(item)
          }
          const left = formatTimeLeft(record.positionSec, knownDurationSec(item, record))
          return (
            <li key={item.id} className='continue__item'>
              <a className='continue__link' href={routePath({ name: 'watch', itemId: item.id })} onClick={onClick} data-testid={TEST_IDS.continueItem} data-item-id={item.id}>
                <div className='continue__poster'>
                  <Poster item={item} />
                  <span className='continue__play' aria-hidden='true'>▶</span>
                  <WatchProgressBar className='watch-progress--overlay' positionSec={record.positionSec} fraction={watchedFraction(item, record)} />
                </div>
                <div className='continue__body'>
                  <h3 className='continue__name'>{item.title}</h3>
                  <p className='continue__meta'>
                    {item.series && <span>{formatEpisode(item.series)} · </span>}
                    <span className='continue__left'>{left ?? 'Resume'}</span>
                  </p>
                </div>
              </a>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
