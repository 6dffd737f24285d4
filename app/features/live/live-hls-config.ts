/**
 * hls.js settings for live channels, chosen for a household camera on the LAN (1-2 s
 * independent segments from the seed node, live-args.ts), not copied from defaults:
 * - `liveSyncDurationCount: 3`: start and hold 3 segments behind the newest (3 s with 1 s
 *   segments). Fewer stalls whenever a playlist reload lands just before ffmpeg publishes the
 *   next segment; the HLS spec's own advice (RFC 8216 §6.3.3) for where a client should start.
 * - `lowLatencyMode` with `maxLiveSyncPlaybackRate: 1.1`: after a stall, catch up by playing
 *   up to 10 % faster (inaudible for speech) instead of jumping, and only within one target
 *   duration of the target: a viewer who rewound (DVR) is left where they are.
 * - `liveMaxLatencyDurationCount: Infinity` (the default, said here on purpose): never yank a
 *   viewer who paused or rewound back to live; "Jump to live" does that when they ask.
 * - `backBufferLength: 90`: keep a minute and a half behind the playhead for instant rewind,
 *   without holding a whole DVR window of 1080p camera video in memory on a phone.
 * - `enableWorker: false`: the app's CSP allows workers from 'self' only.
 * - Retries: a live source comes and goes; the player's own state polling decides offline,
 *   so hls.js retries briefly (the seed node is on the LAN) and reports the rest.
 */
export const LIVE_SYNC_SEGMENTS = 3

export const LIVE_HLS_CONFIG = {
  liveSyncDurationCount: LIVE_SYNC_SEGMENTS,
  liveMaxLatencyDurationCount: Infinity,
  lowLatencyMode: true,
  maxLiveSyncPlaybackRate: 1.1,
  backBufferLength: 90,
  enableWorker: false,
  manifestLoadPolicy: {
    default: {
      maxTimeToFirstByteMs: 10_000,
      maxLoadTimeMs: 10_000,
      timeoutRetry: { maxNumRetry: 2, retryDelayMs: 0, maxRetryDelayMs: 0 },
      errorRetry: { maxNumRetry: 3, retryDelayMs: 1000, maxRetryDelayMs: 4000 }
    }
  }
} as const

/** Behind the newest picture by more than this many segments past the sync point: offer "Jump to live". */
const JUMP_OFFER_SEGMENTS = 2

/** Whether the viewer is far enough behind live (paused, rewound, stalled) to be offered "Jump to live". */
export function offerJumpToLive (behindLiveSec: number | null, segmentSec: number, syncSegments = LIVE_SYNC_SEGMENTS): boolean {
  return behindLiveSec !== null && behindLiveSec > (syncSegments + JUMP_OFFER_SEGMENTS) * segmentSec
}

/** Seconds from a picture's capture (its segment's program date time) to now; null before the first. */
export function latencySec (playingDateMs: number | null, nowMs: number): number | null {
  if (playingDateMs === null || !Number.isFinite(playingDateMs)) return null
  return Math.max(0, (nowMs - playingDateMs) / 1000)
}

/**
 * A channel shared peer to peer (`--live-p2p`) trades latency for offload: the player holds
 * 6 segments behind live instead of 3, and only the 2 s before the playhead are "high
 * demand" (fetched over HTTP when no peer has them). The segments in between are fetched
 * from peers, except a few random ones over HTTP (p2p-media-loader's random HTTP window), so
 * one viewer's download serves the others and the seed node's upload stops growing with
 * every viewer.
 */
export const LIVE_P2P_SYNC_SEGMENTS = 6

export function liveP2pCoreConfig (announceUrl: string, channelId: string, segmentSec: number) {
  return {
    announceTrackers: [announceUrl],
    // No STUN: household devices meet on the LAN (and tests never reach a public server).
    rtcConfig: { iceServers: [] },
    swarmId: `hearth-live-${channelId}`,
    highDemandTimeWindow: 2 * segmentSec,
    httpDownloadTimeWindow: LIVE_P2P_SYNC_SEGMENTS * segmentSec,
    p2pDownloadTimeWindow: (LIVE_P2P_SYNC_SEGMENTS + 4) * segmentSec,
    simultaneousHttpDownloads: 1
  }
}
