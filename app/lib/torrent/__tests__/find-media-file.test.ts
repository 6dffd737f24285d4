import { describe, expect, it } from 'vitest'
import { findTorrentFile } from '../find-media-file.ts'

const files = [
  { path: 'Pilot/Pilot.mp4' },
  { path: 'Pilot/Pilot.en.vtt' },
  { path: 'Pilot/extra/Pilot.mp4.bak' }
]

describe('findTorrentFile', () => {
  it('prefers an exact match', () => {
    expect(findTorrentFile(files, 'Pilot/Pilot.mp4')).toBe(files[0])
  })
  it('matches without the torrent-name prefix', () => {
    expect(findTorrentFile(files, 'Pilot.en.vtt')).toBe(files[1])
  })
  it('matches a single-file torrent from a longer catalog path', () => {
    expect(findTorrentFile([{ path: 'Film.webm' }], 'Films/Film.webm')).toEqual({ path: 'Film.webm' })
  })
  it('does not match partial file names', () => {
    expect(findTorrentFile(files, 'lot.mp4')).toBeUndefined()
  })
})
