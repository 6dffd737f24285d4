/**
 * What the library knows of an item beyond its title, shown under the player: year, genres,
 * rating and original title (from its NFO file or tags), the plot, and the film's extras
 * (trailers, featurettes…), each a link that plays it. Nothing is drawn when there is nothing to say.
 */
import type { MouseEvent } from 'react'
import type { CatalogItem } from '../../../../protocol/catalog.ts'
import { formatDuration } from '../../../lib/format/format-duration.ts'
import { routePath } from '../../../lib/routing/route.ts'
import { TEST_IDS } from '../../../test-ids.ts'

const EXTRA_LABELS: Readonly<Record<NonNullable<CatalogItem['extra']>['kind'], string>> = {
  trailer: 'Trailer',
  featurette: 'Featurette',
  'behind-the-scenes': 'Behind the scenes',
  'deleted-scene': 'Deleted scene',
  interview: 'Interview',
  scene: 'Scene',
  short: 'Short',
  clip: 'Clip',
  extra: 'Extra'
}

interface ItemDetailsProps {
  item: CatalogItem
  extras: readonly CatalogItem[]
  onOpen: (item: CatalogItem) => void
}

export function ItemDetails ({ item, extras, onOpen }: ItemDetailsProps) {
  const facts = [
    item.year != null && !item.title.includes(`(${item.year})`) ? String(item.year) : null,
    item.genres?.join(', ') ?? null,
    item.rating !== undefined ? `★ ${item.rating.toFixed(1)}` : null,
    item.artist != null ? [item.artist, item.album].filter(Boolean).join(' · ') : null
  ].filter((fact): fact is string => fact !== null && fact !== '')
  if (facts.length === 0 && item.plot === undefined && item.originalTitle === undefined && extras.length === 0) return null
  const open = (extra: CatalogItem) => (event: MouseEvent<HTMLAnchorElement>): void => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    onOpen(extra)
  }
  return (
    <section className='item-details' data-testid={TEST_IDS.itemDetails}>
      {facts.length > 0 && <p className='item-details__facts'>{facts.join('  ·  ')}</p>}
      {item.originalTitle !== undefined && <p className='item-details__original'>Original title: {item.originalTitle}</p>}
      {item.plot !== undefined && <p className='item-details__plot'>{item.plot}</p>}
      {extras.length > 0 && (
        <div className='item-details__extras'>
          <h2 className='item-details__heading'>Extras</h2>
          <ul className='item-details__list'>
            {extras.map(extra => (
              <li key={extra.id}>
                <a className='item-details__extra' href={routePath({ name: 'watch', itemId: extra.id })} onClick={open(extra)} data-testid={TEST_IDS.itemExtra} data-item-id={extra.id}>
                  <span className='badge'>{EXTRA_LABELS[extra.extra?.kind ?? 'extra']}</span>
                  <span>{extra.title}</span>
                  <span className='item-details__duration'>{formatDuration(extra.durationSec)}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
