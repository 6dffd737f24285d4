import { describe, expect, it } from 'vitest'
import { DOWNLOAD_STATES } from '../../../../protocol/api/downloads.ts'
import { downloadStateLabel, isFinished } from '../download-state-label.ts'

describe('downloadStateLabel', () => {
  it('names every state', () => {
    const labels = DOWNLOAD_STATES.map(state => downloadStateLabel({ state, totalBytes: 1 }))
    expect(labels).toEqual(['Queued', 'Downloading', 'Paused', 'Complete · seeding', 'Complete', 'Error'])
  })
  it('says a magnet is fetching details until its size is known', () => {
    expect(downloadStateLabel({ state: 'downloading', totalBytes: null })).toBe('Fetching details')
    expect(downloadStateLabel({ state: 'queued', totalBytes: null })).toBe('Queued')
  })
  it('counts seeding and completed as finished', () => {
    expect(DOWNLOAD_STATES.filter(isFinished)).toEqual(['seeding', 'completed'])
  })
})
