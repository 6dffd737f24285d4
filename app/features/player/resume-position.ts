/**
 * Where the player starts an item. Decision: exactly at the recorded position, with no
 * back-off (Jellyfin rewinds a few seconds). Hearth records the position at the pause
 * itself (and on seek, page hide and leaving the player), not only every few seconds, so the
 * recorded second is the one the viewer last saw; rewinding would replay what they watched.
 *
 * A record that arrives a moment after the player opened (the sync swarm answering late)
 * still moves the playhead, as long as the viewer has not paused or seeked yet and the
 * video's metadata arrived less than `LATE_RECORD_WINDOW_MS` ago.
 */
import { compareStamps } from '../../../protocol/hybrid-clock.ts'
import type { WatchRecord } from '../../../protocol/watch-record.ts'
import { isInProgress } from '../../lib/watch-state/continue-watching.ts'

export const LATE_RECORD_WINDOW_MS = 3 * 1000

/** The second to start at, or null to start from the beginning (no record, finished, or unwatched). */
export function resumePosition (record: WatchRecord | undefined): number | null {
  return isInProgress(record) ? record.positionSec : null
}

export interface LateRecordInput {
  record: WatchRecord | undefined
  /** The record the player last resumed from (undefined: it started with none). */
  resumedFrom: WatchRecord | undefined
  userInteracted: boolean
  nowMs: number
  metadataAtMs: number
}

/** The second to jump to for a record that arrived after the player resumed, or null to stay. */
export function lateRecordTarget ({ record, resumedFrom, userInteracted, nowMs, metadataAtMs }: LateRecordInput): number | null {
  if (!record || userInteracted || nowMs - metadataAtMs > LATE_RECORD_WINDOW_MS) return null
  if (resumedFrom && compareStamps(record.hlc, resumedFrom.hlc) <= 0) return null
  if (record.finished) return null
  return resumePosition(record) ?? 0
}
