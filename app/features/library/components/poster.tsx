/**
 * The item's poster, or a generated placeholder (a warm gradient with the title set in it).
 * The placeholder's words are drawn by CSS from data attributes, not DOM text, so the title
 * appears once to screen readers and to text queries (`getByText`) — in the card body.
 */
import type { CSSProperties } from 'react'
import type { CatalogItem } from '../../../../protocol/catalog.ts'
import { posterHue } from '../poster-hue.ts'

/** `showName`: draw the show's poster (its name) instead of the episode's. */
export function Poster ({ item, showName }: { item: CatalogItem, showName?: string }) {
  if (item.posterUrl !== null) {
    return <img className='poster' src={item.posterUrl} alt='' loading='lazy' decoding='async' />
  }
  const style = { '--poster-hue': posterHue(item.series?.name ?? item.title) } as CSSProperties
  return (
    <div className='poster poster--placeholder' style={style} aria-hidden='true'>
      <span className='poster__kind' data-text={showName !== undefined ? 'show' : item.series ? item.series.name : item.kind} />
      <span className='poster__title' data-text={showName ?? item.title} />
    </div>
  )
}
