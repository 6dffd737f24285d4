import { describe, expect, it } from 'vitest'
import type { CatalogItem } from '../../../../protocol/catalog.ts'
import { sortLibrary } from '../sort-library.ts'

function item (title: string, series: CatalogItem['series'] = null): CatalogItem {
  return {
    id: '0'.repeat(40), title, kind: series ? 'episode' : 'film', series, mediaPath: 'x.mp4', sizeBytes: 1,
    durationSec: 1, mimeType: 'video/mp4', container: 'mp4', videoCodec: null, audioCodec: null, subtitles: [],
    magnet: 'magnet:?xt=urn:btih:0', posterUrl: null, addedAt: '2026-01-01T00:00:00Z', availability: 'online'
  }
}

describe('sortLibrary', () => {
  it('puts films first by title, then episodes in order', () => {
    const items = [
      item('E2', { name: 'Show', season: 1, episode: 2 }),
      item('Zeta'),
      item('E1', { name: 'Show', season: 1, episode: 1 }),
      item('Alpha')
    ]
    expect(sortLibrary(items).map(i => i.title)).toEqual(['Alpha', 'Zeta', 'E1', 'E2'])
  })
})
