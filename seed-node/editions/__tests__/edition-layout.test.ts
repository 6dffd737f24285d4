/** The edition time line: segment arithmetic, the whole-film playlist, and when a seek restarts ffmpeg. */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { layoutPlaylist, segmentAt, segmentCount, segmentIndexOf, segmentSecForKeyframes, segmentStartSec, waitForRunningJob, type EditionLayout } from '../edition-layout.ts'
import { keyframeTimesOf } from '../keyframe-probe.ts'

const film: EditionLayout = { segmentSec: 4, durationSec: 130.5, lastKeyframeSec: null }

describe('edition time line', () => {
  it('cuts the film into segments of the chosen length, the last one shorter', () => {
    expect(segmentCount(film)).toBe(33)
    expect(segmentAt(film, 0)).toBe(0)
    expect(segmentAt(film, 3.99)).toBe(0)
    expect(segmentAt(film, 4)).toBe(1)
    expect(segmentAt(film, 600)).toBe(32)
    expect(segmentStartSec(film, 32)).toBe(128)
  })

  it('lists the whole film at once, so the player can seek anywhere', () => {
    const playlist = layoutPlaylist(film)
    expect(playlist).toContain('#EXT-X-PLAYLIST-TYPE:VOD')
    expect(playlist).toContain('#EXT-X-MAP:URI="init.mp4"')
    expect(playlist.trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true)
    const durations = [...playlist.matchAll(/#EXTINF:([\d.]+),\n(seg-\d{5}\.m4s)/g)]
    expect(durations).toHaveLength(33)
    expect(durations.at(-1)?.[1]).toBe('2.500000')
    expect(durations.at(-1)?.[2]).toBe('seg-00032.m4s')
  })

  it('merges a tail without a keyframe into the segment before it', () => {
    const copied: EditionLayout = { segmentSec: 4, durationSec: 130.5, lastKeyframeSec: 127 }
    expect(segmentCount(copied)).toBe(32)
    expect(layoutPlaylist(copied)).toMatch(/#EXTINF:6\.500000,\nseg-00031\.m4s\n#EXT-X-ENDLIST/)
  })

  it('lists segments whose lengths add up to the film, for any length', () => {
    fc.assert(fc.property(fc.double({ min: 0.5, max: 20_000, noNaN: true }), fc.integer({ min: 4, max: 12 }), (durationSec, segmentSec) => {
      const total = [...layoutPlaylist({ segmentSec, durationSec, lastKeyframeSec: null }).matchAll(/#EXTINF:([\d.]+),/g)].reduce((sum, match) => sum + Number(match[1]), 0)
      expect(Math.abs(total - durationSec)).toBeLessThan(0.01)
      expect(segmentAt({ segmentSec, durationSec, lastKeyframeSec: null }, durationSec)).toBe(segmentCount({ segmentSec, durationSec, lastKeyframeSec: null }) - 1)
    }))
  })

  it('names segment files and reads them back', () => {
    expect(segmentIndexOf('seg-00042.m4s')).toBe(42)
    expect(segmentIndexOf('init.mp4')).toBeNull()
    expect(segmentIndexOf('seg-42.m4s')).toBeNull()
  })
})

describe('segment length for copied video', () => {
  it('is 4 s for keyframes every second or two, and the longest keyframe gap otherwise, within bounds', () => {
    expect(segmentSecForKeyframes([0, 1, 2, 3, 4.001, 5])).toBe(4)
    expect(segmentSecForKeyframes([0.005, 4.006, 8.005])).toBe(4)
    expect(segmentSecForKeyframes([0, 10.4, 20.8, 25])).toBe(11)
    expect(segmentSecForKeyframes([0, 30])).toBe(12)
  })

  it('ignores the unread middle between the first and the last minute', () => {
    expect(segmentSecForKeyframes([0, 2, 4, 6, 5000, 5002])).toBe(4)
  })

  it('reads keyframe times from ffprobe packets', () => {
    expect(keyframeTimesOf('0.005000,K_\n0.047000,__\n1.005000,K_\nN/A,K_\n\n')).toEqual([0.005, 1.005])
  })
})

describe('wait for the running ffmpeg, or restart it where the viewer went', () => {
  const base = { runStart: 10, runNext: 20, segmentSec: 4, speed: 3, maxWaitSec: 6 }
  it('waits for segments the run wrote or will write within seconds', () => {
    expect(waitForRunningJob({ ...base, wanted: 15 })).toBe(true)
    expect(waitForRunningJob({ ...base, wanted: 20 })).toBe(true)
    expect(waitForRunningJob({ ...base, wanted: 23 })).toBe(true) // 16 s of film at 3× real time: about 5 s
  })

  it('restarts for a seek far ahead of the run, or behind where it started', () => {
    expect(waitForRunningJob({ ...base, wanted: 200 })).toBe(false)
    expect(waitForRunningJob({ ...base, wanted: 9 })).toBe(false)
  })

  it('waits less far ahead for a slow conversion', () => {
    expect(waitForRunningJob({ ...base, speed: 0.5, wanted: 20 })).toBe(false)
    expect(waitForRunningJob({ ...base, speed: 1, wanted: 20 })).toBe(true)
  })
})
