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
 * A channel shared peer to peer (`--live-p2p`) trades latency for offload. How
 * p2p-media-loader 2 decides, per segment, from its distance ahead of the playhead
 * (hybrid-loader.ts, utils/stream.ts in p2p-media-loader-core 2.3):
 * - within `highDemandTimeWindow`: over HTTP, whoever else has it (and a peer download still
 *   running there is dropped for HTTP);
 * - within `httpDownloadTimeWindow`, when no peer has it or is fetching it: over HTTP only by
 *   a random draw, every 1 to 1 + peers seconds, with a chance of 1 in (peers + 1): about one
 *   viewer of the swarm picks it up every (viewers + 1) / 2 seconds;
 * - within `p2pDownloadTimeWindow`, once a peer has it: from that peer.
 * A new segment appears about one hold (the player's distance behind live) ahead of the
 * playhead, so the time a swarm has to fetch it once and pass it round is the hold minus the
 * high-demand window; what no random draw picked up by then, every viewer fetches over HTTP
 * at once (they all play at the same distance behind live). Hence:
 * - the high-demand window stays two segments: a viewer alone in the swarm fetches nothing
 *   over HTTP before it (p2p-media-loader draws only with peers connected), and with one
 *   segment a lone viewer on a loaded machine stalled (measured: 30 s behind live once);
 * - each player holds LIVE_P2P_HOLD_SEGMENTS behind live plus a random part of
 *   LIVE_P2P_SPREAD_SEGMENTS, chosen when it starts: viewers no longer reach a segment's high
 *   demand together, and the one furthest ahead fetches it for those behind when no random draw
 *   did (they get it from that viewer before their own high demand);
 * - the HTTP window covers the whole hold, so the random draw starts as soon as a segment
 *   appears; one HTTP download at a time per viewer.
 * The cost: 6-8 s behind live instead of 3 (README "Live channels" has the measured trade-off).
 */
export const LIVE_P2P_HOLD_SEGMENTS = 6
export const LIVE_P2P_SPREAD_SEGMENTS = 2
/** The furthest behind a P2P player holds on purpose ("Jump to live" is offered beyond it). */
export const LIVE_P2P_SYNC_SEGMENTS = LIVE_P2P_HOLD_SEGMENTS + LIVE_P2P_SPREAD_SEGMENTS
const HIGH_DEMAND_SEGMENTS = 2
/** Kept past the hold for peers that are further behind (a viewer who rewound a little). */
const P2P_WINDOW_EXTRA_SEGMENTS = 4

/** This player's distance behind live on a P2P channel, in seconds; `random` in [0, 1). */
export function liveP2pHoldSec (segmentSec: number, random: number): number {
  return (LIVE_P2P_HOLD_SEGMENTS + LIVE_P2P_SPREAD_SEGMENTS * Math.min(Math.max(random, 0), 1)) * segmentSec
}

/** hls.js settings of a P2P player: LIVE_HLS_CONFIG with the hold in seconds (hls.js refuses counts and seconds mixed). */
export function liveP2pHlsConfig (holdSec: number) {
  const { liveSyncDurationCount: _count, liveMaxLatencyDurationCount: _max, ...rest } = LIVE_HLS_CONFIG
  return { ...rest, liveSyncDuration: holdSec }
}

export function liveP2pCoreConfig (announceUrl: string, channelId: string, segmentSec: number) {
  return {
    announceTrackers: [announceUrl],
    // No STUN: household devices meet on the LAN (and tests never reach a public server).
    rtcConfig: { iceServers: [] },
    swarmId: `hearth-live-${channelId}`,
    highDemandTimeWindow: HIGH_DEMAND_SEGMENTS * segmentSec,
    httpDownloadTimeWindow: LIVE_P2P_SYNC_SEGMENTS * segmentSec,
    p2pDownloadTimeWindow: (LIVE_P2P_SYNC_SEGMENTS + P2P_WINDOW_EXTRA_SEGMENTS) * segmentSec,
    simultaneousHttpDownloads: 1
  }
}
