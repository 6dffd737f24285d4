/**
 * The item's picture (poster, cover or video frame, as the seed node offers it in
 * `posterUrl`), or a generated placeholder: a warm gradient with the kind and a large
 * initial. The picture sits in the card's fixed 16:9 box, whole (`contain`) over a blurred
 * copy of itself, so a portrait poster and a landscape frame both fill it and the virtual
 * grid never changes height when pictures arrive. It loads lazily; a picture that fails
 * (the server could make none) gives way to the placeholder. The placeholder's words are
 * drawn by CSS from data attributes, so the title is in the DOM once: in the card body.
 * Test hook: `poster-image` on the loaded picture.
 */
import { useState, type CSSProperties } from 'react'
import type { CatalogItem } from '../../../../protocol/catalog.ts'
import { TEST_IDS } from '../../../test-ids.ts'
import { posterHue } from '../poster-hue.ts'

/** `showName`: draw the show's poster (its season or show picture) instead of the episode's. */
export function Poster ({ item, showName }: { item: CatalogItem, showName?: string }) {
  const url = showName !== undefined ? (item.seriesPosterUrl ?? item.posterUrl) : item.posterUrl
  const [failedUrl, setFailedUrl] = useState<string | null>(null)
  if (url !== null && url !== failedUrl) {
    return (
      <div className='poster poster--art'>
        <img className='poster__backdrop' src={url} alt='' aria-hidden='true' loading='lazy' decoding='async' />
        <img className='poster__image' src={url} alt='' loading='lazy' decoding='async' data-testid={TEST_IDS.posterImage} onError={() => setFailedUrl(url)} />
      </div>
    )
  }
  const name = showName ?? item.series?.name ?? item.title
  const style = { '--poster-hue': posterHue(item.series?.name ?? item.title) } as CSSProperties
  return (
    <div className='poster poster--placeholder' style={style} aria-hidden='true'>
      <span className='poster__monogram' data-text={initialOf(name)} />
      <span className='poster__kind' data-text={showName !== undefined ? 'show' : item.series ? item.series.name : item.kind} />
    </div>
  )
}

/** The first letter or digit of a name, past articles people sort without ("The", "A"). */
function initialOf (name: string): string {
  const bare = name.replace(/^(the|a|an|le|la|les|der|die|das|el)\s+/i, '')
  return (/[\p{L}\p{N}]/u.exec(bare)?.[0] ?? '•').toUpperCase()
}
