/**
 * What the library page shows: the search text, a kind, a watch-state filter and a sort,
 * kept in the URL (`/?q=dune&kind=film&show=unwatched&sort=added`) so Back, reload and a
 * shared link all land on the same view. Unknown or malformed values fall back to the default.
 */

export const LIBRARY_KINDS = ['all', 'film', 'show', 'audio'] as const
export type LibraryKind = typeof LIBRARY_KINDS[number]

export const LIBRARY_FILTERS = ['all', 'unwatched', 'in-progress', 'recent'] as const
export type LibraryFilter = typeof LIBRARY_FILTERS[number]

export const LIBRARY_SORTS = ['title', 'added', 'year'] as const
export type LibrarySort = typeof LIBRARY_SORTS[number]

export interface LibraryQuery {
  readonly text: string
  readonly kind: LibraryKind
  readonly filter: LibraryFilter
  readonly sort: LibrarySort
}

export const DEFAULT_LIBRARY_QUERY: LibraryQuery = { text: '', kind: 'all', filter: 'all', sort: 'title' }

/** Longest search text kept from a URL (characters): a search box, not a document. */
export const MAX_QUERY_TEXT_CHARS = 200

function pick<T extends string> (allowed: readonly T[], value: string | null, fallback: T): T {
  return allowed.find(candidate => candidate === value) ?? fallback
}

export function parseLibraryQuery (search: string): LibraryQuery {
  const params = new URLSearchParams(search)
  return {
    text: (params.get('q') ?? '').slice(0, MAX_QUERY_TEXT_CHARS),
    kind: pick(LIBRARY_KINDS, params.get('kind'), DEFAULT_LIBRARY_QUERY.kind),
    filter: pick(LIBRARY_FILTERS, params.get('show'), DEFAULT_LIBRARY_QUERY.filter),
    sort: pick(LIBRARY_SORTS, params.get('sort'), DEFAULT_LIBRARY_QUERY.sort)
  }
}

/** `?q=…&kind=…` with defaults left out (`''` for the default view). */
export function formatLibraryQuery (query: LibraryQuery): string {
  const params = new URLSearchParams()
  if (query.text !== '') params.set('q', query.text)
  if (query.kind !== DEFAULT_LIBRARY_QUERY.kind) params.set('kind', query.kind)
  if (query.filter !== DEFAULT_LIBRARY_QUERY.filter) params.set('show', query.filter)
  if (query.sort !== DEFAULT_LIBRARY_QUERY.sort) params.set('sort', query.sort)
  const text = params.toString()
  return text === '' ? '' : `?${text}`
}

export function isDefaultLibraryQuery (query: LibraryQuery): boolean {
  return formatLibraryQuery(query) === ''
}
