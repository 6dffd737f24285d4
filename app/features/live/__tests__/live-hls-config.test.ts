import { describe, expect, it } from 'vitest'
import { parseRoute, routePath } from '../../../lib/routing/route.ts'
import { latencySec, LIVE_HLS_CONFIG, LIVE_P2P_HOLD_SEGMENTS, LIVE_P2P_SYNC_SEGMENTS, liveP2pCoreConfig, liveP2pHlsConfig, liveP2pHoldSec, offerJumpToLive } from '../live-hls-config.ts'
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

  it('spreads P2P players over the hold, and gives the swarm all of it but one segment', () => {
    expect(liveP2pHoldSec(1, 0)).toBe(LIVE_P2P_HOLD_SEGMENTS)
    expect(liveP2pHoldSec(2, 0.5)).toBe(2 * (LIVE_P2P_HOLD_SEGMENTS + (LIVE_P2P_SYNC_SEGMENTS - LIVE_P2P_HOLD_SEGMENTS) / 2))
    expect(liveP2pHoldSec(1, 7)).toBe(LIVE_P2P_SYNC_SEGMENTS)
    const hls = liveP2pHlsConfig(liveP2pHoldSec(1, 0.3))
    // hls.js throws on counts mixed with seconds.
    expect(Object.keys(hls)).not.toContain('liveSyncDurationCount')
    expect(Object.keys(hls)).not.toContain('liveMaxLatencyDurationCount')
    const core = liveP2pCoreConfig('wss://hearth.lan/announce', 'a'.repeat(40), 2)
    expect(core.highDemandTimeWindow).toBe(4)
    expect(core.httpDownloadTimeWindow).toBeGreaterThanOrEqual(liveP2pHoldSec(2, 1))
    expect(core.p2pDownloadTimeWindow).toBeGreaterThan(core.httpDownloadTimeWindow)
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
