/** The part of `TimeRanges` we read; lets the function be tested without a DOM. */
export interface TimeRangesLike {
  readonly length: number
  start: (index: number) => number
  end: (index: number) => number
}

/** Tolerance for a range that starts just after the playhead (seek lands mid-frame). */
const RANGE_GAP_TOLERANCE_SEC = 0.25

/** Seconds of media buffered contiguously after `currentTime` (0 when the playhead is not in a buffered range). */
export function bufferedAheadSec (buffered: TimeRangesLike, currentTime: number): number {
  for (let i = 0; i < buffered.length; i++) {
    const start = buffered.start(i)
    const end = buffered.end(i)
    if (currentTime >= start - RANGE_GAP_TOLERANCE_SEC && currentTime <= end) return Math.max(0, end - currentTime)
  }
  return 0
}
