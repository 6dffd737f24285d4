/**
 * A horizontal row of items on the home page ("Up next", "Recently added"): poster, title and
 * one line of detail each. `testId` names the row, `itemTestId` each item (with `data-item-id`).
 */
import type { MouseEvent } from 'react'
import type { CatalogItem } from '../../../../protocol/catalog.ts'
import { formatEpisode } from '../../../lib/format/format-episode.ts'
import { routePath } from '../../../lib/routing/route.ts'
import { Poster } from './poster.tsx'

interface ShelfRowProps {
  title: string
  items: readonly CatalogItem[]
  onOpen: (item: CatalogItem) => void
  testId: string
  itemTestId: string
}

function detail (item: CatalogItem): string {
  if (item.series) return `${item.series.name} · ${formatEpisode(item.series)}`
  if (item.artist) return item.artist
  return item.kind === 'audio' ? 'Music' : 'Film'
}

export function ShelfRow ({ title, items, onOpen, testId, itemTestId }: ShelfRowProps) {
  if (items.length === 0) return null
  const id = `${testId}-title`
  return (
    <section className='continue' aria-labelledby={id} data-testid={testId}>
      <h2 id={id} className='continue__title'>{title}</h2>
      <ul className='continue__list'>
        {items.map(item => {
          const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
            event.preventDefault()
            onOpen(item)
          }
          return (
            <li key={item.id} className='continue__item'>
              <a className='continue__link' href={routePath({ name: 'watch', itemId: item.id })} onClick={onClick} data-testid={itemTestId} data-item-id={item.id}>
                <div className='continue__poster'>
                  <Poster item={item} />
                  <span className='continue__play' aria-hidden='true'>▶</span>
                </div>
                <div className='continue__body'>
                  <h3 className='continue__name'>{item.title}</h3>
                  <p className='continue__meta'>{detail(item)}</p>
                </div>
              </a>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
