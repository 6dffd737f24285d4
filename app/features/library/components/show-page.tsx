/**
 * A show: its seasons in order, each episode with how far the profile got, a one-button
 * watched mark, and "Play next unwatched" on top (the episode Up next would offer).
 */
import type { MouseEvent } from 'react'
import type { CatalogItem } from '../../../../protocol/catalog.ts'
import { formatDuration } from '../../../lib/format/format-duration.ts'
import { formatEpisode } from '../../../lib/format/format-episode.ts'
import { routePath } from '../../../lib/routing/route.ts'
import { useWatchRecords } from '../../../lib/watch-state/use-watch-state.ts'
import { isInProgress, watchedFraction } from '../../../lib/watch-state/continue-watching.ts'
import { TEST_IDS } from '../../../test-ids.ts'
import { MarkWatchedActions } from '../../../components/watch-state/mark-watched-actions.tsx'
import { WatchProgressBar } from '../../../components/watch-state/watch-progress-bar.tsx'
import { WatchedBadge } from '../../../components/watch-state/watched-badge.tsx'
import type { Show } from '../group-shows.ts'
import { nextToPlay } from '../up-next.ts'
import { useMarkWatched } from '../use-mark-watched.ts'

interface ShowPageProps {
  show: Show
  onOpen: (item: CatalogItem) => void
  onBack: () => void
}

function seasonLabel (number: number): string {
  return number === 0 ? 'Specials' : `Season ${number}`
}

export function ShowPage ({ show, onOpen, onBack }: ShowPageProps) {
  const records = useWatchRecords()
  const onMark = useMarkWatched(records)
  const next = nextToPlay(show, records)
  const open = (item: CatalogItem) => (event: MouseEvent<HTMLAnchorElement>): void => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    onOpen(item)
  }
  return (
    <main className='library show-page' data-testid={TEST_IDS.showPage} data-series={show.name}>
      <button type='button' className='button button--ghost button--small' onClick={onBack}>← Library</button>
      <header className='library__header'>
        <h1 className='library__title'>{show.name}</h1>
        <p className='library__count'>{show.seasons.length === 1 ? '1 season' : `${show.seasons.length} seasons`} · {show.episodes.length} episodes</p>
      </header>
      {next && (
        <button type='button' className='button show-page__play' onClick={() => onOpen(next)} data-testid={TEST_IDS.playNext} data-item-id={next.id}>
          ▶ {isInProgress(records.get(next.id)) ? 'Resume' : 'Play'} {next.series ? formatEpisode(next.series) : ''} · {next.title}
        </button>
      )}
      {show.seasons.map(season => (
        <section key={season.number} className='show-page__season' data-testid={TEST_IDS.showSeason} data-season={season.number} aria-labelledby={`season-${season.number}`}>
          <h2 id={`season-${season.number}`} className='continue__title'>{seasonLabel(season.number)}</h2>
          <ol className='show-page__episodes'>
            {season.episodes.map(episode => {
              const record = records.get(episode.id)
              return (
                <li key={episode.id} className='show-page__episode'>
                  <a className='show-page__link' href={routePath({ name: 'watch', itemId: episode.id })} onClick={open(episode)} data-testid={TEST_IDS.showEpisode} data-item-id={episode.id}>
                    <span className='show-page__number'>{episode.series ? formatEpisode(episode.series) : ''}</span>
                    <span className='show-page__name'>{episode.title}</span>
                    <span className='show-page__duration'>{formatDuration(episode.durationSec)}</span>
                    {record?.finished === true && <WatchedBadge />}
                    {isInProgress(record) && <WatchProgressBar className='show-page__progress' positionSec={record.positionSec} fraction={watchedFraction(episode, record)} />}
                  </a>
                  <MarkWatchedActions record={record} compact disabled={!onMark} onMarkWatched={() => onMark?.(episode, true)} onMarkUnwatched={() => onMark?.(episode, false)} />
                </li>
              )
            })}
          </ol>
        </section>
      ))}
    </main>
  )
}
