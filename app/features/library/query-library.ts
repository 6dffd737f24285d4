/**
 * The library page's view of the index for one query: matching films, shows and tracks
 * (and episodes whose own title matches when their show does not), kept by kind and
 * watch-state filter, in the chosen order. Pure, so it is unit-tested and fast to re-run on
 * every keystroke (a scan of precomputed keys; only the result is sorted).
 */
import type { WatchRecord } from '../../../protocol/watch-record.ts'
import type { LibraryFilter, LibraryKind, LibraryQuery } from '../../lib/routing/library-query.ts'
import { isInProgress } from '../../lib/watch-state/continue-watching.ts'
import { matchesAll, queryTokens } from './normalize-text.ts'
import { compareByTitle, type IndexedEntry, type LibraryEntry, type LibraryIndex } from './search-index.ts'

/** "Recently added" keeps what arrived in the last 30 days. */
export const RECENT_WINDOW_MS = 30 * 24 * 60 * 60 * 1000

type Records = ReadonlyMap<string, WatchRecord>

function kindMatches (entry: LibraryEntry, kind: LibraryKind): boolean {
  if (kind === 'all') return true
  if (entry.type === 'show') return kind === 'show'
  if (entry.item.kind === 'episode') return kind === 'show'
  return entry.item.kind === kind
}

function itemsOf (entry: LibraryEntry) {
  return entry.type === 'show' ? entry.show.episodes : [entry.item]
}

function filterMatches (indexed: IndexedEntry, filter: LibraryFilter, records: Records, nowMs: number): boolean {
  switch (filter) {
    case 'all': return true
    case 'recent': return nowMs - indexed.addedMs <= RECENT_WINDOW_MS
    case 'unwatched': return itemsOf(indexed.entry).some(item => records.get(item.id)?.finished !== true)
    case 'in-progress': return itemsOf(indexed.entry).some(item => isInProgress(records.get(item.id)))
  }
}

function compareFor (query: LibraryQuery): (a: IndexedEntry, b: IndexedEntry) => number {
  switch (query.sort) {
    case 'added': return (a, b) => b.addedMs - a.addedMs || compareByTitle(a, b)
    case 'year': return (a, b) => (b.year ?? -1) - (a.year ?? -1) || compareByTitle(a, b)
    // Title order is the index's order already; the default view groups films, shows, music.
    case 'title': return (a, b) => a.group - b.group
  }
}

export function queryLibrary (index: LibraryIndex, query: LibraryQuery, records: Records, nowMs: number): LibraryEntry[] {
  const tokens = queryTokens(query.text)
  const kept: IndexedEntry[] = []
  const matchedShows = new Set<string>()
  for (const indexed of index.entries) {
    if (!matchesAll(indexed.searchKey, tokens)) continue
    if (indexed.entry.type === 'show') matchedShows.add(indexed.entry.show.name)
    if (kindMatches(indexed.entry, query.kind) && filterMatches(indexed, query.filter, records, nowMs)) kept.push(indexed)
  }
  if (tokens.length > 0) {
    for (const indexed of index.episodes) {
      const { entry } = indexed
      if (entry.type !== 'item' || matchedShows.has(entry.item.series?.name ?? '')) continue
      if (!matchesAll(indexed.searchKey, tokens)) continue
      if (kindMatches(entry, query.kind) && filterMatches(indexed, query.filter, records, nowMs)) kept.push(indexed)
    }
  }
  // Array.prototype.sort is stable: entries equal under the comparator keep title order.
  return kept.sort(compareFor(query)).map(indexed => indexed.entry)
}
