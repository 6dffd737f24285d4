import { describe, expect, it } from 'vitest'
import { DEFAULT_LIBRARY_QUERY, formatLibraryQuery, parseLibraryQuery } from '../library-query.ts'
import { parseRoute, routePath } from '../route.ts'

describe('library query in the URL', () => {
  it('round-trips every field', () => {
    const query = { text: 'the show', kind: 'show', filter: 'unwatched', sort: 'added' } as const
    expect(parseLibraryQuery(formatLibraryQuery(query))).toEqual(query)
    expect(parseRoute('/', formatLibraryQuery(query))).toEqual({ name: 'library', query })
    expect(routePath({ name: 'library', query })).toBe('/?q=the+show&kind=show&show=unwatched&sort=added')
  })
  it('leaves defaults out and ignores unknown values', () => {
    expect(formatLibraryQuery(DEFAULT_LIBRARY_QUERY)).toBe('')
    expect(parseLibraryQuery('?kind=bogus&sort=&show=x')).toEqual(DEFAULT_LIBRARY_QUERY)
  })
  it('maps /show/<name> to a show page', () => {
    expect(parseRoute('/show/The%20Show%20%282010%29')).toEqual({ name: 'show', series: 'The Show (2010)' })
    expect(routePath({ name: 'show', series: 'A/B' })).toBe('/show/A%2FB')
    expect(parseRoute('/show/%E0%A4%A').name).toBe('not-found')
  })
})
