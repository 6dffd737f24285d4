import { describe, expect, it } from 'vitest'
import { bufferedAheadSec, type TimeRangesLike } from '../buffered-ahead.ts'

function ranges (...pairs: Array<[number, number]>): TimeRangesLike {
  return {
    length: pairs.length,
    start: (i) => pairs[i]?.[0] ?? 0,
    end: (i) => pairs[i]?.[1] ?? 0
  }
}

describe('bufferedAheadSec', () => {
  it('measures the range holding the playhead', () => {
    expect(bufferedAheadSec(ranges([0, 10], [30, 50]), 4)).toBe(6)
    expect(bufferedAheadSec(ranges([0, 10], [30, 50]), 35)).toBe(15)
  })
  it('is zero outside any range', () => {
    expect(bufferedAheadSec(ranges([0, 10]), 20)).toBe(0)
    expect(bufferedAheadSec(ranges(), 0)).toBe(0)
  })
  it('tolerates a range starting just after the playhead', () => {
    expect(bufferedAheadSec(ranges([30.1, 40]), 30)).toBeCloseTo(10)
  })
})
