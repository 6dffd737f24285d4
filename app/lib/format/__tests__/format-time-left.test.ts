import { describe, expect, it } from 'vitest'
import { formatTimeLeft } from '../format-time-left.ts'

describe('formatTimeLeft', () => {
  it('formats the remainder as m:ss or h:mm:ss', () => {
    expect(formatTimeLeft(0, 723)).toBe('12:03 left')
    expect(formatTimeLeft(2530, 6253)).toBe('1:02:03 left')
    expect(formatTimeLeft(5, 10)).toBe('0:05 left')
  })
  it('rounds the remainder up, so only the end says 0:00', () => {
    expect(formatTimeLeft(9.2, 10)).toBe('0:01 left')
    expect(formatTimeLeft(10, 10)).toBe('0:00 left')
    expect(formatTimeLeft(12, 10)).toBe('0:00 left')
  })
  it('returns null without a usable duration', () => {
    expect(formatTimeLeft(5, null)).toBeNull()
    expect(formatTimeLeft(5, 0)).toBeNull()
    expect(formatTimeLeft(Number.NaN, 10)).toBeNull()
  })
})
