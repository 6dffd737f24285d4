import { describe, expect, it } from 'vitest'
import { pickPlayableFile, playableType } from '../pick-playable-file.ts'

describe('pickPlayableFile', () => {
  it('picks the largest playable file, ignoring others however big', () => {
    const files = [
      { path: 'Film/sample.mp4', length: 10 },
      { path: 'Film/Film.MKV', length: 900 },
      { path: 'Film/Film.iso', length: 5000 },
      { path: 'Film/Film.en.srt', length: 2 }
    ]
    expect(pickPlayableFile(files)).toBe(files[1])
  })
  it('returns undefined when nothing is playable', () => {
    expect(pickPlayableFile([{ path: 'readme.txt', length: 1 }, { path: 'mp4', length: 3 }])).toBeUndefined()
  })
  it('reads the extension of the last path segment only', () => {
    expect(playableType('a.mp4/readme')).toBeNull()
    expect(playableType('clip.webm')).toBe('video/webm')
  })
})

describe('playableType', () => {
  it('reads the same table as the seed node (protocol/media-types.ts), case-insensitively', () => {
    expect(playableType('Film/Film.MKV')).toBe('video/x-matroska')
    expect(playableType('song.opus')).toBe('audio/ogg')
    expect(playableType('Film.en.srt')).toBeNull()
    expect(playableType('x.constructor')).toBeNull()
  })
})
