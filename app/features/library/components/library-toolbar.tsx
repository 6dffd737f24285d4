/**
 * Search (answers as you type), kind, watch-state filter and sort. The query lives in the URL:
 * typing replaces the history entry (Back leaves the search rather than unwinding it letter by
 * letter); choosing a kind, filter or sort pushes one, so Back returns to the previous view.
 */
import type { ChangeEvent } from 'react'
import { TEST_IDS } from '../../../test-ids.ts'
import {
  LIBRARY_FILTERS, LIBRARY_KINDS, LIBRARY_SORTS, MAX_QUERY_TEXT_CHARS,
  type LibraryFilter, type LibraryKind, type LibraryQuery, type LibrarySort
} from '../../../lib/routing/library-query.ts'

const KIND_LABELS: Record<LibraryKind, string> = { all: 'Everything', film: 'Films', show: 'Shows', audio: 'Music' }
const FILTER_LABELS: Record<LibraryFilter, string> = { all: 'Any state', unwatched: 'Unwatched', 'in-progress': 'In progress', recent: 'Recently added' }
const SORT_LABELS: Record<LibrarySort, string> = { title: 'Title', added: 'Recently added', year: 'Year' }

interface LibraryToolbarProps {
  query: LibraryQuery
  onChange: (query: LibraryQuery, options: { replace: boolean }) => void
  resultCount: number
}

function pick<T extends string> (allowed: readonly T[], value: string): T | undefined {
  return allowed.find(candidate => candidate === value)
}

export function LibraryToolbar ({ query, onChange, resultCount }: LibraryToolbarProps) {
  const onText = (event: ChangeEvent<HTMLInputElement>): void => onChange({ ...query, text: event.target.value }, { replace: true })
  const onSelect = <K extends 'kind' | 'filter' | 'sort'>(field: K, allowed: readonly LibraryQuery[K][]) =>
    (event: ChangeEvent<HTMLSelectElement>): void => {
      const value = pick(allowed, event.target.value)
      if (value !== undefined) onChange({ ...query, [field]: value }, { replace: false })
    }
  return (
    <div className='library-toolbar' role='search'>
      <input
        type='search'
        className='library-toolbar__search'
        placeholder='Search titles, shows, artists, albums'
        aria-label='Search the library'
        value={query.text}
        maxLength={MAX_QUERY_TEXT_CHARS}
        onChange={onText}
        data-testid={TEST_IDS.librarySearch}
      />
      <select aria-label='Kind' value={query.kind} onChange={onSelect('kind', LIBRARY_KINDS)} data-testid={TEST_IDS.libraryKind}>
        {LIBRARY_KINDS.map(kind => <option key={kind} value={kind}>{KIND_LABELS[kind]}</option>)}
      </select>
      <select aria-label='Show' value={query.filter} onChange={onSelect('filter', LIBRARY_FILTERS)} data-testid={TEST_IDS.libraryFilter}>
        {LIBRARY_FILTERS.map(filter => <option key={filter} value={filter}>{FILTER_LABELS[filter]}</option>)}
      </select>
      <select aria-label='Sort by' value={query.sort} onChange={onSelect('sort', LIBRARY_SORTS)} data-testid={TEST_IDS.librarySort}>
        {LIBRARY_SORTS.map(sort => <option key={sort} value={sort}>{SORT_LABELS[sort]}</option>)}
      </select>
      <p className='library-toolbar__count' aria-live='polite'>{resultCount === 1 ? '1 result' : `${resultCount.toLocaleString()} results`}</p>
    </div>
  )
}
