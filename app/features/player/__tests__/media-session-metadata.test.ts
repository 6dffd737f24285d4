import { describe, expect, it } from 'vitest'
import type { CatalogItem } from '../../../../protocol/catalog.ts'
import { sessionMetadata } from '../media-session-metadata.ts'

const base = { posterUrl: null, kind: 'film', series: null, year: null, artist: null, album: null } as const

describe('sessionMetadata', () => {
  it('writes an episode as S01E04 · Title by its series, season as album, with its poster as an absolute URL', () => {
    const item = { ...base, title: 'The Return', kind: 'episode', series: { name: 'Show', season: 1, episode: 4 }, posterUrl: '/api/pictures/abc.webp' } as unknown as CatalogItem
    expect(sessionMetadata('The Return', item, 'https://hearth.local:8787')).toEqual({
      title: 'S01E04 · The Return', artist: 'Show', album: 'Season 1', artwork: [{ src: 'https://hearth.local:8787/api/pictures/abc.webp' }]
    })
  })

  it('writes a song by its artist and album, a film with its year, a foreign link by its title alone', () => {
    const song = { ...base, title: 'Track', kind: 'audio', artist: 'Band', album: 'Record' } as unknown as CatalogItem
    expect(sessionMetadata('Track', song, 'http://h')).toMatchObject({ title: 'Track', artist: 'Band', album: 'Record', artwork: [] })
    const film = { ...base, title: 'Film', year: 1987 } as unknown as CatalogItem
    expect(sessionMetadata('Film', film, 'http://h')).toMatchObject({ title: 'Film', artist: '1987' })
    expect(sessionMetadata('Some torrent', null, 'http://h')).toEqual({ title: 'Some torrent', artist: '', album: '', artwork: [] })
  })
})
