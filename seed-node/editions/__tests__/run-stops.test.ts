import { describe, expect, it } from 'vitest'
import { IDLE_STOP_MS, LEFT_BEHIND_MS, runsToStop } from '../run-stops.ts'

const now = 1_000_000

describe('when edition runs stop', () => {
  it('keeps a run a viewer follows, and stops one nobody fetched from for 90 s', () => {
    const watched = { name: 'watched', lastUsedMs: now - 5_000 }
    const abandoned = { name: 'abandoned', lastUsedMs: now - IDLE_STOP_MS - 1 }
    expect(runsToStop([watched], now)).toEqual([])
    expect(runsToStop([abandoned], now)).toEqual([{ run: abandoned, reason: 'idle' }])
  })

  it('stops a run left behind by a seek sooner, but only while another run of its edition is followed', () => {
    const before = { name: 'before the seek', lastUsedMs: now - LEFT_BEHIND_MS - 1 }
    const after = { name: 'after the seek', lastUsedMs: now - 1_000 }
    expect(runsToStop([before, after], now)).toEqual([{ run: before, reason: 'left-behind' }])
    // Alone (a paused viewer), the same run waits for the full idle time.
    expect(runsToStop([before], now)).toEqual([])
  })

  it('keeps two runs that two viewers follow at different points', () => {
    expect(runsToStop([{ lastUsedMs: now - 3_000 }, { lastUsedMs: now - 8_000 }], now)).toEqual([])
  })
})
