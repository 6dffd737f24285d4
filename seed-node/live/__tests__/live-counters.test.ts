import { describe, expect, it } from 'vitest'
import { LiveCounters, playlistSpan, VIEWER_WINDOW_MS } from '../live-counters.ts'

describe('live counters', () => {
  it('read a playlist\'s window: first media sequence and segments listed', () => {
    const playlist = '#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:1795966738\n#EXTINF:1.000000,\na-1795966738.m4s\n#EXTINF:1.000000,\na-1795966739.m4s\n'
    expect(playlistSpan(playlist)).toEqual({ firstSequence: 1795966738, count: 2 })
    expect(playlistSpan('#EXTM3U\n')).toBeNull()
  })

  it('count players seen within the window, and forget the others', () => {
    const counters = new LiveCounters()
    counters.playlistAsked('player:a', 0)
    counters.playlistAsked('player:b', 1000)
    counters.playlistAsked('player:a', 2000)
    expect(counters.values(3000).viewers).toBe(2)
    expect(counters.values(1000 + VIEWER_WINDOW_MS + 1).viewers).toBe(1)
    expect(counters.values(2000 + VIEWER_WINDOW_MS + 1).viewers).toBe(0)
  })

  it('keep what earlier runs made, and add bytes served', () => {
    const counters = new LiveCounters()
    counters.served(100)
    counters.startRun()
    counters.served(50)
    expect(counters.values(0)).toMatchObject({ bytesServed: 150, segmentsWritten: 0, ringBytes: 0 })
  })
})
