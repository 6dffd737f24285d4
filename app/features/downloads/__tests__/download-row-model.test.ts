import { describe, expect, it } from 'vitest'
import { downloadRowModel } from '../download-row-model.ts'
import { download, HASH } from './download-fixture.ts'

const NONE = new Set<string>()

describe('downloadRowModel', () => {
  it('shows a running download with speed, peers, time left and Pause', () => {
    const row = downloadRowModel(download(), NONE)
    expect(row).toMatchObject({
      infoHash: HASH,
      name: 'Big Buck Bunny',
      state: 'downloading',
      stateLabel: 'Downloading',
      progress: 0.25,
      percent: '25%',
      size: '100 MB of 400 MB',
      active: true,
      speed: '2.5 MB/s',
      peers: '3',
      eta: '2 min',
      canPause: true,
      canResume: false,
      errorMessage: null,
      libraryItemId: null
    })
  })
  it('shows dashes for speed, peers and ETA while paused, and offers Resume', () => {
    const row = downloadRowModel(download({ state: 'paused', downloadSpeedBytesPerSec: 0, etaSec: null }), NONE)
    expect(row).toMatchObject({ stateLabel: 'Paused', speed: '–', peers: '–', eta: '–', canPause: false, canResume: true })
  })
  it('names a magnet by its infohash until the metadata arrives, and sanitises names', () => {
    const waiting = downloadRowModel(download({ name: null, totalBytes: null, progress: 0, downloadedBytes: 0, etaSec: null }), NONE)
    expect(waiting.name).toBe('Torrent 0123456789ab…')
    expect(waiting.size).toBe('Size not known yet')
    expect(waiting.stateLabel).toBe('Fetching details')
    expect(downloadRowModel(download({ name: 'evil\u202Egnp.exe\n' }), NONE).name).toBe('evil gnp.exe')
  })
  it('carries the error message, and offers Resume (retry) and Pause for a failed download', () => {
    const row = downloadRowModel(download({ state: 'error', error: { code: 'HEARTH_E_DISK_FULL', message: 'The disk is full.' } }), NONE)
    expect(row).toMatchObject({ stateLabel: 'Error', errorMessage: 'The disk is full.', canResume: true, canPause: false, active: false })
    expect(downloadRowModel(download({ state: 'error', error: null }), NONE).errorMessage).toMatch(/unknown error/)
  })
  it('links a finished download to its library item only once the catalog has it', () => {
    const done = download({ state: 'seeding', progress: 1, downloadedBytes: 400_000_000, itemId: HASH, etaSec: null, peers: 1 })
    expect(downloadRowModel(done, NONE).libraryItemId).toBeNull()
    const row = downloadRowModel(done, new Set([HASH]))
    expect(row).toMatchObject({ libraryItemId: HASH, percent: '100%', progress: 1, size: '400 MB', stateLabel: 'Complete · seeding', peers: '1', canPause: false, canResume: false })
  })
  it('never links an unfinished download, even if the catalog has the infohash', () => {
    expect(downloadRowModel(download(), new Set([HASH])).libraryItemId).toBeNull()
  })
})
