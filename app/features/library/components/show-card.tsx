/**
 * A show's tile in the library grid: its poster, name, seasons and episodes, and how many
 * are left to watch; it opens the show's page. Test hook `show-card` with `data-series`.
 */
import type { MouseEvent } from 'react'
import type { WatchRecord } from '../../../../protocol/watch-record.ts'
import { routePath } from '../../../lib/routing/route.ts'
import { TEST_IDS } from '../../../test-ids.ts'
import { WatchedBadge } from '../../../components/watch-state/watched-badge.tsx'
import type { Show } from '../group-shows.ts'
import { Poster } from './poster.tsx'

interface ShowCardProps {
  show: Show
  records: ReadonlyMap<string, WatchRecord>
  onOpenShow: (show: Show) => void
  tabIndex?: 0 | -1
}

function plural (count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

export function ShowCard ({ show, records, onOpenShow, tabIndex }: ShowCardProps) {
  const first = show.episodes[0]
  const left = show.episodes.filter(episode => records.get(episode.id)?.finished !== true).length
  const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    onOpenShow(show)
  }
  return (
    <div className='card card--show'>
      <a className='card__link' href={routePath({ name: 'show', series: show.name })} onClick={onClick} data-testid={TEST_IDS.showCard} data-series={show.name} data-grid-focus='' tabIndex={tabIndex}>
        <div className='card__poster'>
          {first && <Poster item={first} showName={show.name} />}
          {left === 0 ? <WatchedBadge className='card__watched' /> : <span className='card__duration'>{left === show.episodes.length ? plural(left, 'episode') : `${left} left`}</span>}
        </div>
        <div className='card__body'>
          <h2 className='card__title'>{show.name}</h2>
          <p className='card__meta'>
            <span className='badge'>Show</span>
            <span>{plural(show.seasons.length, 'season')} · {plural(show.episodes.length, 'episode')}</span>
          </p>
        </div>
      </a>
    </div>
  )
}
