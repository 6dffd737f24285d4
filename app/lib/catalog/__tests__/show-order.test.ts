import { describe, expect, it } from 'vitest'
import type { CatalogItem } from '../../../../protocol/catalog.ts'
import { episodeNeighbours } from '../show-order.ts'

function episode (id: string, name: string, season: number, number: number): CatalogItem {
  return { id, title: `Episode ${number}`, series: { name, season, episode: number } } as unknown as CatalogItem
}

describe('episodeNeighbours', () => {
  const items = [
    episode('s2e1', 'Show', 2, 1), episode('s0e1', 'Show', 0, 1), episode('s1e2', 'Show', 1, 2),
    episode('s1e1', 'Show', 1, 1), episode('other', 'Other', 1, 3)
  ]
  const at = (id: string) => items.find(item => item.id === id) as CatalogItem

  it('follows the show order across seasons, specials last, never into another show', () => {
    expect(episodeNeighbours(items, at('s1e2'))).toEqual({ previous: at('s1e1'), next: at('s2e1') })
    expect(episodeNeighbours(items, at('s2e1'))).toEqual({ previous: at('s1e2'), next: at('s0e1') })
    expect(episodeNeighbours(items, at('s1e1')).previous).toBeNull()
    expect(episodeNeighbours(items, at('other'))).toEqual({ previous: null, next: null })
  })

  it('has none for a film', () => {
    const film = { id: 'f', title: 'Film', series: null } as unknown as CatalogItem
    expect(episodeNeighbours([...items, film], film)).toEqual({ previous: null, next: null })
  })
})
