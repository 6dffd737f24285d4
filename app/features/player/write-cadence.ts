/**
 * When the player writes a watch record. Pure, so the rules can be tested without a video:
 * - while playing (`tick`, from `timeupdate`), at most once every 5 s;
 * - at once on `pause`, user `seeked`, `ended`, page `hidden`/`pagehide`, and `close` (leaving the player);
 * - never for a position under 1 s (`ended` excepted: the end is always worth recording);
 * - on its own (`tick`, `hidden`, `close`), never when the position is within half a second of
 *   where this device last wrote or resumed it. Re-stamping an unchanged position would make
 *   a stale device beat a newer record from another device (open the player on the phone,
 *   close it again, and the laptop's progress would be lost). A viewer's own `pause` or
 *   `seeked` is recorded to the frame, since it is what they will expect to resume at.
 */
import { MIN_RESUME_POSITION_SEC } from '../../lib/watch-state/continue-watching.ts'

export type PlaybackEvent = 'tick' | 'pause' | 'seeked' | 'ended' | 'hidden' | 'close'

export const PLAYING_WRITE_INTERVAL_MS = 5 * 1000
/** For writes the viewer did not ask for, moves smaller than this are "the same position". */
export const SAME_POSITION_TOLERANCE_SEC = 0.5
/** For a viewer's pause or seek: less than a frame is the same position. */
const SAME_FRAME_TOLERANCE_SEC = 0.01

export interface WriteDecisionInput {
  event: PlaybackEvent
  nowMs: number
  /** When the last write happened, or when playback started if nothing was written since. */
  lastWriteMs: number | null
  positionSec: number
  /** Where this device last wrote (or resumed from); null when nothing yet. */
  lastWrittenPositionSec: number | null
}

export function shouldWrite ({ event, nowMs, lastWriteMs, positionSec, lastWrittenPositionSec }: WriteDecisionInput): boolean {
  if (event === 'ended') return true
  if (!Number.isFinite(positionSec) || positionSec < MIN_RESUME_POSITION_SEC) return false
  const tolerance = event === 'pause' || event === 'seeked' ? SAME_FRAME_TOLERANCE_SEC : SAME_POSITION_TOLERANCE_SEC
  if (lastWrittenPositionSec !== null && Math.abs(positionSec - lastWrittenPositionSec) < tolerance) return false
  if (event === 'tick') return lastWriteMs === null || nowMs - lastWriteMs >= PLAYING_WRITE_INTERVAL_MS
  return true
}
