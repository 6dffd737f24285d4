import { describe, expect, it } from 'vitest'
import { parseRecordSpecs, recordFileBase, recordFileBound, recordFolderName, ringPlaylistEntries, rotationMs } from '../record-spec.ts'

describe('--live-record values', () => {
  it('takes hours or minutes per channel', () => {
    expect(parseRecordSpecs(['Front door=24h', 'Demo=90m'])).toEqual([{ name: 'Front door', keepMs: 24 * 3_600_000 }, { name: 'Demo', keepMs: 90 * 60_000 }])
    expect(parseRecordSpecs([' Cam = 2H '])).toEqual([{ name: 'Cam', keepMs: 2 * 3_600_000 }])
  })

  it.each([
    ['Cam', 'must be "Name=24h" (a --live channel and how long to keep), got "Cam"'],
    ['Cam=', '"Cam" must be hours or minutes ("24h", "90m"), got ""'],
    ['Cam=24', '"Cam" must be hours or minutes ("24h", "90m"), got "24"'],
    ['Cam=1.5h', '"Cam" must be hours or minutes ("24h", "90m"), got "1.5h"'],
    ['Cam=0m', '"Cam" keeps 1m to 168h, got "0m"'],
    ['Cam=169h', '"Cam" keeps 1m to 168h, got "169h"']
  ])('refuses %j', (value, message) => {
    expect(parseRecordSpecs([value])).toBe(message)
  })

  it('refuses a channel named twice', () => {
    expect(parseRecordSpecs(['Cam=1h', 'cam=2h'])).toBe('names "cam" twice')
  })
})

describe('recording files', () => {
  it('are 10 minutes long, shorter for short windows, never under 5 s', () => {
    expect(rotationMs(24 * 3_600_000)).toBe(10 * 60_000)
    expect(rotationMs(60 * 60_000)).toBe(5 * 60_000)
    expect(rotationMs(60_000)).toBe(5_000)
    expect(recordFileBound(24 * 3_600_000)).toBe(24 * 6 + 1)
  })

  it('are named by local start time, sortable, in a folder named after the channel', () => {
    expect(recordFileBase(new Date(2026, 0, 2, 3, 4, 5))).toBe('2026-01-02 03.04.05')
    expect(recordFolderName('Front door')).toBe('Front door')
    expect(recordFolderName('../a/b:c')).toBe('__a_b_c')
    expect(recordFolderName('...')).toBe('_')
  })

  it('follow the ring playlist: its init segment and media segments by sequence', () => {
    const playlist = '#EXTM3U\n#EXT-X-MAP:URI="init-ab.mp4"\n#EXT-X-PROGRAM-DATE-TIME:2026-01-01T00:00:00Z\n#EXTINF:1.0,\nab-17.m4s\n#EXTINF:1.0,\nab-18.m4s\n'
    expect(ringPlaylistEntries(playlist)).toEqual({ init: 'init-ab.mp4', segments: [{ name: 'ab-17.m4s', sequence: 17 }, { name: 'ab-18.m4s', sequence: 18 }] })
    expect(ringPlaylistEntries('#EXTM3U\n')).toEqual({ init: null, segments: [] })
  })
})
