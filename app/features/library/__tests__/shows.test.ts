import { describe, expect, it } from 'vitest'
import { episodeAfter, groupShows } from '../group-shows.ts'
import { nextToPlay, upNext } from '../up-next.ts'
import { episode, record } from './library-fixtures.ts'

const s1e3 = episode('Show', 1, 3)
const s1e1 = episode('Show', 1, 1)
const special = episode('Show', 0, 1, 'Special')
const s2e1 = episode('Show', 2, 1)
const s1e2 = episode('Show', 1, 2)
const s1e4 = episode('Show', 1, 4)
const [show] = groupShows([s2e1, s1e3, special, s1e1, s1e4, s1e2])

describe('groupShows', () => {
  it('orders seasons and episodes, specials last', () => {
    expect(show?.seasons.map(season => season.number)).toEqual([1, 2, 0])
    expect(show?.episodes.map(e => e.id)).toEqual([s1e1, s1e2, s1e3, s1e4, s2e1, special].map(e => e.id))
    if (show) expect(episodeAfter(show, s1e4)?.id).toBe(s2e1.id)
  })
})

describe('upNext', () => {
  it('puts S01E04 up next once S01E03 is finished', () => {
    if (!show) throw new Error('no show')
    const records = new Map([[s1e1.id, record(s1e1, 'finished')], [s1e3.id, record(s1e3, 'finished')]])
    expect(upNext([show], records).map(row => row.item.id)).toEqual([s1e4.id])
    expect(nextToPlay(show, records)?.id).toBe(s1e4.id)
  })
  it('leaves an episode in progress to "Continue watching"', () => {
    if (!show) throw new Error('no show')
    const records = new Map([[s1e3.id, record(s1e3, 'finished')], [s1e4.id, record(s1e4, 'started')]])
    expect(upNext([show], records)).toEqual([])
    expect(nextToPlay(show, records)?.id).toBe(s1e4.id)
  })
  it('starts an untouched show at its first episode', () => {
    if (!show) throw new Error('no show')
    expect(upNext([show], new Map())).toEqual([])
    expect(nextToPlay(show, new Map())?.id).toBe(s1e1.id)
  })
})
