import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { HybridClock, compareStamps, type HlcStamp } from '../hybrid-clock.ts'
import { stampArb } from './arbitraries.ts'

/** A wall clock that returns the given readings in turn (repeating the last). */
function scripted (readings: number[]): () => number {
  let i = 0
  return () => readings[Math.min(i++, readings.length - 1)] ?? 0
}

const wallArb = fc.integer({ min: 0, max: 2_000_000_000_000 })

describe('HybridClock', () => {
  it('issues strictly increasing stamps whatever the wall clock does (jumps back included)', () => {
    fc.assert(fc.property(fc.array(wallArb, { minLength: 1, maxLength: 60 }), readings => {
      const clock = new HybridClock('laptop-0001', scripted(readings))
      let previous = clock.now()
      for (let i = 1; i < readings.length; i++) {
        const next = clock.now()
        expect(compareStamps(next, previous)).toBeGreaterThan(0)
        previous = next
      }
    }))
  })

  it('stays monotonic when the clock jumps back by hours after a long forward run', () => {
    const clock = new HybridClock('laptop-0001', scripted([5_000_000, 5_000_001, 1_000, 1_000, 2_000]))
    const stamps = Array.from({ length: 5 }, () => clock.now())
    for (let i = 1; i < stamps.length; i++) expect(compareStamps(stamps[i]!, stamps[i - 1]!)).toBeGreaterThan(0)
    expect(stamps[4]).toEqual({ wallMs: 5_000_001, counter: 3, deviceId: 'laptop-0001' })
  })

  it('after observe, the next stamp exceeds the observed one, and local stamps stay monotonic', () => {
    type Step = { kind: 'now', wall: number } | { kind: 'observe', remote: HlcStamp }
    const stepArb: fc.Arbitrary<Step> = fc.oneof(
      wallArb.map(wall => ({ kind: 'now' as const, wall })),
      fc.record({ wallMs: wallArb, counter: fc.integer({ min: 0, max: 5 }), deviceId: fc.constantFrom('aaaaaaaa', 'zzzzzzzz') })
        .map(remote => ({ kind: 'observe' as const, remote }))
    )
    fc.assert(fc.property(fc.array(stepArb, { maxLength: 60 }), steps => {
      let wall = 0
      const clock = new HybridClock('mmmmmmmm', () => wall)
      let lastLocal: HlcStamp | null = null
      let mustExceed: HlcStamp | null = null
      for (const step of steps) {
        if (step.kind === 'observe') {
          clock.observe(step.remote)
          if (mustExceed === null || compareStamps(step.remote, mustExceed) > 0) mustExceed = step.remote
          continue
        }
        wall = step.wall
        const next = clock.now()
        if (lastLocal) expect(compareStamps(next, lastLocal)).toBeGreaterThan(0)
        if (mustExceed) expect(compareStamps(next, mustExceed)).toBeGreaterThan(0)
        lastLocal = next
        mustExceed = null
      }
    }))
  })

  it('resumes from a persisted stamp without going back', () => {
    const first = new HybridClock('laptop-0001', () => 10_000)
    const issued = first.now()
    const restarted = new HybridClock('laptop-0001', () => 5_000, first.latest)
    expect(compareStamps(restarted.now(), issued)).toBeGreaterThan(0)
  })

  it('orders stamps totally and antisymmetrically', () => {
    fc.assert(fc.property(stampArb, stampArb, (a, b) => {
      expect(Math.sign(compareStamps(a, b)) + Math.sign(compareStamps(b, a))).toBe(0)
      if (compareStamps(a, b) === 0) expect(a).toEqual(b)
    }))
  })
})
