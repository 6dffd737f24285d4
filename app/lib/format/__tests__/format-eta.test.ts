import { describe, expect, it } from 'vitest'
import { formatEta } from '../format-eta.ts'

describe('formatEta', () => {
  it('says less than a minute under 60 s', () => {
    expect(formatEta(0)).toBe('less than a minute')
    expect(formatEta(59)).toBe('less than a minute')
  })
  it('rounds minutes up under an hour', () => {
    expect(formatEta(60)).toBe('1 min')
    expect(formatEta(61)).toBe('2 min')
    expect(formatEta(12 * 60)).toBe('12 min')
    expect(formatEta(3599)).toBe('60 min')
  })
  it('gives hours and minutes under a day, never "60 min"', () => {
    expect(formatEta(3600)).toBe('1 h')
    expect(formatEta(3600 + 20 * 60)).toBe('1 h 20 min')
    expect(formatEta(2 * 3600 - 30)).toBe('2 h')
  })
  it('gives days and hours beyond', () => {
    expect(formatEta(86400)).toBe('1 day')
    expect(formatEta(3 * 86400 + 4 * 3600)).toBe('3 days 4 h')
    expect(formatEta(2 * 86400 - 60)).toBe('2 days')
  })
  it('refuses to pretend beyond 100 days, and shows a dash when unknown', () => {
    expect(formatEta(100 * 86400)).toBe('more than 100 days')
    expect(formatEta(null)).toBe('–')
    expect(formatEta(Number.NaN)).toBe('–')
    expect(formatEta(-1)).toBe('–')
    expect(formatEta(Number.POSITIVE_INFINITY)).toBe('–')
  })
})
