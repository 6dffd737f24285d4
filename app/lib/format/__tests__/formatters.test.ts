import { describe, expect, it } from 'vitest'
import { formatBytes, formatSpeed } from '../format-bytes.ts'
import { formatDuration } from '../format-duration.ts'
import { formatEpisode } from '../format-episode.ts'
import { formatPercent } from '../format-percent.ts'

describe('formatDuration', () => {
  it('uses m:ss under an hour', () => {
    expect(formatDuration(0)).toBe('0:00')
    expect(formatDuration(9.9)).toBe('0:09')
    expect(formatDuration(65)).toBe('1:05')
    expect(formatDuration(59 * 60 + 59)).toBe('59:59')
  })
  it('uses h:mm:ss from an hour', () => {
    expect(formatDuration(3600)).toBe('1:00:00')
    expect(formatDuration(2 * 3600 + 5 * 60 + 7)).toBe('2:05:07')
  })
  it('shows a placeholder for unknown durations', () => {
    expect(formatDuration(null)).toBe('–:––')
    expect(formatDuration(Number.NaN)).toBe('–:––')
    expect(formatDuration(-1)).toBe('–:––')
  })
})

describe('formatBytes', () => {
  it('picks SI units', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(12_000)).toBe('12 KB')
    expect(formatBytes(742_300_000)).toBe('742 MB')
    expect(formatBytes(1_400_000_000)).toBe('1.4 GB')
    expect(formatBytes(2_000_000)).toBe('2 MB')
  })
  it('formats speeds', () => {
    expect(formatSpeed(0)).toBe('0 B/s')
    expect(formatSpeed(12_345_678)).toBe('12 MB/s')
    expect(formatSpeed(-5)).toBe('0 B/s')
  })
})

describe('formatEpisode', () => {
  it('zero-pads season and episode', () => {
    expect(formatEpisode({ name: 'Show', season: 1, episode: 1 })).toBe('S01E01')
    expect(formatEpisode({ name: 'Show', season: 12, episode: 103 })).toBe('S12E103')
  })
})

describe('formatPercent', () => {
  it('rounds down and clamps', () => {
    expect(formatPercent(0)).toBe('0%')
    expect(formatPercent(0.0123)).toBe('1.2%')
    expect(formatPercent(0.999)).toBe('99%')
    expect(formatPercent(1)).toBe('100%')
    expect(formatPercent(1.5)).toBe('100%')
  })
})
