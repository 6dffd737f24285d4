import { describe, expect, it } from 'vitest'
import { ingestBannerText, ingestBusy } from '../ingest-progress.ts'

const idle = { queued: 0, scanning: false, itemsHashed: 10 }

describe('ingest banner', () => {
  it('is silent when idle or unknown', () => {
    expect(ingestBusy(idle)).toBe(false)
    expect(ingestBannerText(idle)).toBeNull()
    expect(ingestBannerText(null)).toBeNull()
  })
  it('counts the items left', () => {
    expect(ingestBannerText({ ...idle, queued: 1, scanning: true })).toBe('Indexing your library: 1 item left')
    expect(ingestBannerText({ ...idle, queued: 1234, scanning: true })).toBe('Indexing your library: 1,234 items left')
  })
  it('says it is looking while a scan has not queued anything yet', () => {
    expect(ingestBusy({ ...idle, scanning: true })).toBe(true)
    expect(ingestBannerText({ ...idle, scanning: true })).toBe('Indexing your library: looking for new files…')
  })
})
