import { describe, expect, it } from 'vitest'
import { RESTART_BACKOFF, restartDelayMs } from '../restart-backoff.ts'
import { rateLimitLines } from '../stderr-rate-limit.ts'

describe('restart back-off', () => {
  it('doubles from the first delay up to the cap, within the jitter', () => {
    expect(restartDelayMs(1, 0.5)).toBe(RESTART_BACKOFF.firstMs)
    expect(restartDelayMs(2, 0.5)).toBe(2 * RESTART_BACKOFF.firstMs)
    expect(restartDelayMs(3, 0.5)).toBe(4 * RESTART_BACKOFF.firstMs)
    expect(restartDelayMs(50, 0.5)).toBe(RESTART_BACKOFF.maxMs)
    expect(restartDelayMs(1, 0)).toBe(Math.round(RESTART_BACKOFF.firstMs * (1 - RESTART_BACKOFF.jitter)))
    expect(restartDelayMs(50, 0.999)).toBeLessThanOrEqual(RESTART_BACKOFF.maxMs * (1 + RESTART_BACKOFF.jitter))
  })
})

describe('stderr rate limit', () => {
  it('passes a few lines a window and reports how many it held back', () => {
    const limit = rateLimitLines(2, 1000)
    expect(limit.take('a', 0)).toEqual([{ kind: 'line', text: 'a' }])
    expect(limit.take('b', 10)).toEqual([{ kind: 'line', text: 'b' }])
    expect(limit.take('c', 20)).toEqual([])
    expect(limit.take('d', 30)).toEqual([])
    expect(limit.take('e', 1000)).toEqual([{ kind: 'suppressed', count: 2 }, { kind: 'line', text: 'e' }])
  })
})
