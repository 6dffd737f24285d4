import { describe, expect, it } from 'vitest'
import { parseRoute, routePath } from '../../../lib/routing/route.ts'
import { latencySec, LIVE_HLS_CONFIG, offerJumpToLive } from '../live-hls-config.ts'
import { liveStateLabel, offlineExplanation } from '../live-state-label.ts'

describe('live playback decisions', () => {
  it('never pulls a rewound viewer back to live by itself', () => {
    expect(LIVE_HLS_CONFIG.liveMaxLatencyDurationCount).toBe(Infinity)
  })

  it('offers "Jump to live" only well behind the sync point', () => {
    expect(offerJumpToLive(null, 1)).toBe(false)
    expect(offerJumpToLive(3, 1)).toBe(false)
    expect(offerJumpToLive(6, 1)).toBe(true)
    expect(offerJumpToLive(6, 2)).toBe(false)
    // A channel shared peer to peer plays further behind on purpose.
    expect(offerJumpToLive(7, 1, 6)).toBe(false)
  })

  it('measures latency from the picture\'s capture time', () => {
    expect(latencySec(null, 1000)).toBeNull()
    expect(latencySec(NaN, 1000)).toBeNull()
    expect(latencySec(10_000, 14_500)).toBe(4.5)
    expect(latencySec(20_000, 14_500)).toBe(0)
  })

  it('says offline in words, with the way back', () => {
    expect(liveStateLabel({ state: 'online' })).toBe('Live')
    expect(offlineExplanation({ state: 'offline', reason: 'ffmpeg exited with code 1' })).toContain('comes back by itself')
  })

  it('routes a channel screen at /channel/<id>', () => {
    const id = 'a'.repeat(40)
    expect(parseRoute(`/channel/${id}`)).toEqual({ name: 'live', channelId: id })
    expect(routePath({ name: 'live', channelId: id })).toBe(`/channel/${id}`)
    expect(parseRoute('/channel/nope').name).toBe('not-found')
  })
})
