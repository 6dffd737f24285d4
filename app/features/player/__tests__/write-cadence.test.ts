import { describe, expect, it } from 'vitest'
import { PLAYING_WRITE_INTERVAL_MS, shouldWrite, type WriteDecisionInput } from '../write-cadence.ts'

const base: WriteDecisionInput = { event: 'tick', nowMs: 100_000, lastWriteMs: 100_000 - PLAYING_WRITE_INTERVAL_MS, positionSec: 42, lastWrittenPositionSec: 37 }

describe('shouldWrite', () => {
  it('writes while playing at most every 5 s', () => {
    expect(shouldWrite(base)).toBe(true)
    expect(shouldWrite({ ...base, lastWriteMs: base.nowMs - PLAYING_WRITE_INTERVAL_MS + 1 })).toBe(false)
    expect(shouldWrite({ ...base, lastWriteMs: base.nowMs })).toBe(false)
    expect(shouldWrite({ ...base, lastWriteMs: null })).toBe(true)
  })

  it.each(['pause', 'seeked', 'hidden', 'close'] as const)('writes at once on %s', event => {
    expect(shouldWrite({ ...base, event, lastWriteMs: base.nowMs - 10 })).toBe(true)
  })

  it('never writes under 1 s, except at the end', () => {
    for (const event of ['tick', 'pause', 'seeked', 'hidden', 'close'] as const) {
      expect(shouldWrite({ ...base, event, positionSec: 0.9, lastWrittenPositionSec: null, lastWriteMs: null })).toBe(false)
    }
    expect(shouldWrite({ ...base, event: 'ended', positionSec: 0.5 })).toBe(true)
  })

  it('does not re-stamp the position it last wrote or resumed from', () => {
    expect(shouldWrite({ ...base, event: 'close', positionSec: 37.2, lastWrittenPositionSec: 37 })).toBe(false)
    expect(shouldWrite({ ...base, event: 'hidden', positionSec: 37.4, lastWrittenPositionSec: 37 })).toBe(false)
    expect(shouldWrite({ ...base, event: 'tick', positionSec: 37.4, lastWrittenPositionSec: 37, lastWriteMs: null })).toBe(false)
    expect(shouldWrite({ ...base, event: 'pause', positionSec: 37, lastWrittenPositionSec: 37 })).toBe(false)
    expect(shouldWrite({ ...base, event: 'close', positionSec: 38, lastWrittenPositionSec: 37 })).toBe(true)
  })

  it('records a pause or seek to the frame', () => {
    expect(shouldWrite({ ...base, event: 'pause', positionSec: 37.05, lastWrittenPositionSec: 37 })).toBe(true)
    expect(shouldWrite({ ...base, event: 'seeked', positionSec: 36.9, lastWrittenPositionSec: 37 })).toBe(true)
  })

  it('always records the end', () => {
    expect(shouldWrite({ ...base, event: 'ended', lastWriteMs: base.nowMs, positionSec: 37, lastWrittenPositionSec: 37 })).toBe(true)
  })

  it('ignores a position that is not a number', () => {
    expect(shouldWrite({ ...base, positionSec: Number.NaN })).toBe(false)
  })
})
