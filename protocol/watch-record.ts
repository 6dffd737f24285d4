/**
 * The watch-state record: where one profile stopped in one item. One record per
 * (profile, item); the one with the greater HLC stamp wins, so replicas that receive the
 * same records in any order, any number of times, end up equal.
 */
import { z } from 'zod'
import { InfoHash } from './catalog.ts'
import { DeviceId, HlcStamp, compareStamps } from './hybrid-clock.ts'

/** Fraction of the duration past which an item counts as finished (Jellyfin uses 90%). */
export const FINISHED_FRACTION = 0.9

export const ProfileName = z.string().min(1).max(64)

export const WatchRecord = z.object({
  itemId: InfoHash,
  profile: ProfileName,
  positionSec: z.number().nonnegative().max(1e7),
  durationSec: z.number().nonnegative().max(1e7).nullable(),
  finished: z.boolean(),
  hlc: HlcStamp,
  deviceId: DeviceId
})
export type WatchRecord = z.infer<typeof WatchRecord>

/** The key a record replaces others under. */
export function recordKey (record: Pick<WatchRecord, 'profile' | 'itemId'>): string {
  return `${record.profile}\u0000${record.itemId}`
}

/**
 * Orders two records for the same key: by stamp, and, should two differ under one stamp
 * (a device never issues a stamp twice, but a buggy one might), by their content, so that
 * even then every replica picks the same winner. Zero only for equal records.
 */
export function compareRecords (a: WatchRecord, b: WatchRecord): number {
  const byStamp = compareStamps(a.hlc, b.hlc)
  if (byStamp !== 0) return byStamp
  const ca = contentKey(a)
  const cb = contentKey(b)
  return ca < cb ? -1 : ca > cb ? 1 : 0
}

function contentKey (r: WatchRecord): string {
  return JSON.stringify([r.positionSec, r.durationSec, r.finished, r.deviceId, r.profile, r.itemId])
}

/** The winner of two records for the same key (the greater stamp). */
export function newer (a: WatchRecord, b: WatchRecord): WatchRecord {
  return compareRecords(a, b) >= 0 ? a : b
}

/**
 * Merges `incoming` into `state` (a map by recordKey), returning the records that changed
 * the state. Commutative, associative and idempotent: the last-writer-wins register.
 */
export function mergeRecords (state: Map<string, WatchRecord>, incoming: Iterable<WatchRecord>): WatchRecord[] {
  const changed: WatchRecord[] = []
  for (const record of incoming) {
    const key = recordKey(record)
    const current = state.get(key)
    if (current && compareRecords(current, record) >= 0) continue
    state.set(key, record)
    changed.push(record)
  }
  return changed
}

/** Whether a position counts as finished. */
export function isFinished (positionSec: number, durationSec: number | null): boolean {
  return durationSec !== null && durationSec > 0 && positionSec >= durationSec * FINISHED_FRACTION
}

/** Parses an untrusted value into a record, or undefined. */
export function parseWatchRecord (input: unknown): WatchRecord | undefined {
  const result = WatchRecord.safeParse(input)
  return result.success ? result.data : undefined
}
