/**
 * What "Continue watching" shows: catalog items the profile started and did not finish
 * (position of at least a second, not finished), most recently touched first — by the
 * record's HLC stamp, which orders writes across devices the same way everywhere.
 */
import type { CatalogItem } from '../../../protocol/catalog.ts'
import { compareStamps } from '../../../protocol/hybrid-clock.ts'
import type { WatchRecord } from '../../../protocol/watch-record.ts'

/** A position under this is "not started" (the player never writes one, except to mark unwatched). */
export const MIN_RESUME_POSITION_SEC = 1

export interface InProgress {
  item: CatalogItem
  record: WatchRecord
}

export function isInProgress (record: WatchRecord | undefined): record is WatchRecord {
  return record !== undefined && !record.finished && record.positionSec >= MIN_RESUME_POSITION_SEC
}

export function continueWatching (items: readonly CatalogItem[], records: ReadonlyMap<string, WatchRecord>): InProgress[] {
  const rows: InProgress[] = []
  for (const item of items) {
    const record = records.get(item.id)
    if (isInProgress(record)) rows.push({ item, record })
  }
  return rows.sort((a, b) => compareStamps(b.record.hlc, a.record.hlc))
}

/** The record's duration, or the catalog's when the record has none. */
export function knownDurationSec (item: CatalogItem, record: WatchRecord): number | null {
  return record.durationSec ?? item.durationSec
}

/** 0..1 of the way through, or null when the duration is unknown. */
export function watchedFraction (item: CatalogItem, record: WatchRecord): number | null {
  if (record.finished) return 1
  const duration = knownDurationSec(item, record)
  if (duration === null || duration <= 0) return null
  return Math.min(1, Math.max(0, record.positionSec / duration))
}
