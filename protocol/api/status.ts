/**
 * `GET /api/status`: what the seed node is doing, as plain numbers (no HTML), for the app's
 * "Indexing your library" banner, tests, benchmarks and people. The seed node builds a
 * `StatusReply`; callers parse it with the schema at their boundary.
 */
import { z } from 'zod'

const count = z.number().int().nonnegative()

/** What ingest (walking the library and hashing new files) did since start. */
export const IngestStats = z.object({
  /** Items whose torrent was made (or remade) by hashing their bytes. */
  itemsHashed: count,
  /** Items served from the fingerprint cache without reading their bytes. */
  itemsReused: count,
  /** Items served from the index at start, before the first scan checked their files. */
  itemsRestored: count.optional(),
  /** Pieces hashed since start; zero on a restart over an unchanged library. */
  piecesHashed: count,
  bytesHashed: count,
  /** Files skipped in the last scan (unreadable, empty, partial download, unknown type, symlink out of the library); each is logged once with its reason. */
  filesSkipped: count,
  /** Completed scans since start. */
  scans: count,
  /** True while a scan is running. */
  scanning: z.boolean(),
  /** Items of the current scan still waiting to be hashed (progress of a first ingest). */
  queued: count
})
export type IngestStats = z.infer<typeof IngestStats>

export function emptyIngestStats (): IngestStats {
  return { itemsHashed: 0, itemsReused: 0, itemsRestored: 0, piecesHashed: 0, bytesHashed: 0, filesSkipped: 0, scans: 0, scanning: false, queued: 0 }
}

/** The seeder: library items registered, how many are awake (in the WebTorrent client), and traffic. */
export const SeederStats = z.object({
  /** Library items registered (dormant or awake). */
  torrents: count,
  awake: count,
  dormant: count,
  /**
   * WebTorrent \`Torrent\` objects the seed node holds: awake items, the sync swarm, running
   * downloads. A dormant item has none. Absent from seed nodes before it was counted.
   */
  clientTorrents: count.optional(),
  wakeups: count,
  sleeps: count,
  peers: count,
  webrtcPeers: count,
  uploadedBytes: z.number().nonnegative(),
  uploadSpeedBytesPerSec: z.number().nonnegative()
})
export type SeederStats = z.infer<typeof SeederStats>

/** The seed node's durable watch-state log. */
export const WatchStateLogStats = z.object({
  records: count,
  logLines: count,
  /** Lines skipped on load: torn last write or corruption. */
  skippedLines: count,
  compactions: count
})
export type WatchStateLogStats = z.infer<typeof WatchStateLogStats>

/** The sync swarm as the seed node sees it: its infohash, peers after their hello, and the extension's counters (protocol/sync-stats.ts). */
export const SyncStatus = z.object({
  infoHash: z.string(),
  peers: z.array(z.object({ role: z.enum(['seed-node', 'device']), deviceId: z.string() })),
  recordsSent: count,
  recordsReceived: count,
  recordsChanged: count,
  wiresOpen: count
}).loose()
export type SyncStatus = z.infer<typeof SyncStatus>

/**
 * WebRTC in the seed node (seed-node/webrtc/): loaded only once the first WebRTC peer
 * appears; `unavailable` where it cannot load (musl, armv7, old glibc, `HEARTH_WEBRTC=off`),
 * with the reason, and browsers are then served through the web seed.
 */
export const WebRTCStats = z.object({
  state: z.enum(['not-loaded', 'loaded', 'unavailable']),
  /** True once @roamhq/wrtc is loaded in the process (the first WebRTC peer appeared). */
  loaded: z.boolean(),
  /** Why WebRTC is off, when it is. */
  reason: z.string().nullable(),
  /** The peer cap's counters (seed-node/webrtc/peer-connection-cap.ts). */
  peerConnections: z.object({ live: count, max: count, refused: count, evicted: count })
})
export type WebRTCStats = z.infer<typeof WebRTCStats>

/** What the process holds, for tests and benchmarks: how it runs, and its memory. */
export const RuntimeStats = z.object({
  /** `process.execArgv`: the V8 and loader flags the process was started with. */
  execArgv: z.array(z.string()),
  /** Whether the code runs compiled (`dist-node/`), not from TypeScript through a loader. */
  compiled: z.boolean(),
  /** Whether a TypeScript loader (tsx) is registered in the process. */
  typeScriptLoader: z.boolean(),
  /** Resident memory of the main process in bytes (worker threads included: they share it). */
  rssBytes: count,
  heapUsedBytes: count,
  /** Full collections run after a scan to give its garbage back (seed-node/lib/heap-trim.ts); absent from older seed nodes. */
  heapTrims: count.optional()
})
export type RuntimeStats = z.infer<typeof RuntimeStats>
/** Browser editions: ffmpeg runs, finished editions seeded as torrents, and `--editions ahead`'s progress. */
export const EditionsStatus = z.object({
  /** `--editions` (`on-demand`, `ahead`, `off`), or `no-ffmpeg`. */
  mode: z.string(),
  /** ffmpeg runs making editions now (on demand and ahead). */
  running: count,
  /** Finished editions seeded as torrents. */
  seeding: count,
  /** Finished editions waiting for their MP4 and torrent. */
  torrentsPending: count,
  /** Bytes the editions folder holds (bounded by `--editions-max-gb`). */
  cachedBytes: count,
  /** `--editions ahead`: null in other modes. */
  ahead: z.object({
    /** `working`: making one; `paused`: yielding to an edition a device waits for; `full`: the next would not fit `--editions-max-gb`; `idle`: nothing left to make. */
    state: z.enum(['idle', 'working', 'paused', 'full']),
    /** Items that need an edition and have none yet (the current one included). */
    remaining: count,
    /** Editions made ahead since start, and those ffmpeg could not make. */
    made: count,
    failed: count,
    /** The edition being made: its item, and seconds prepared of its duration. */
    current: z.object({ itemId: z.string(), preparedSec: z.number().nonnegative(), durationSec: z.number().nonnegative().nullable() }).nullable()
  }).nullable()
})
export type EditionsStatus = z.infer<typeof EditionsStatus>

/**
 * One live channel's counters (seed-node/live/live-counters.ts): its state as `/api/live`
 * gives it, and what it made and served since the seed node started.
 */
export const LiveChannelStatus = z.object({
  id: z.string(),
  name: z.string(),
  state: z.enum(['starting', 'online', 'offline']),
  /** When the state last changed (ISO 8601). */
  since: z.string(),
  /** Times ffmpeg was started again after it stopped. */
  restarts: count,
  /** The last reason the channel went offline (kept after it came back), without a URL's credentials; null if it never did. A push channel waiting for OBS is not offline for a reason: that is not recorded here. */
  lastError: z.string().nullable(),
  /** Media segments ffmpeg finished, over every run since start. */
  segmentsWritten: count,
  /** Bytes of playlists, segments and stills sent to viewers over HTTP (peer-to-peer bytes never reach the seed node). */
  bytesServed: count,
  /** Distinct players that asked for the playlist in the last `viewerWindowSec` (a player polls it every segment, even one fed by peers). */
  viewers: count,
  viewerWindowSec: count,
  /** Bytes the channel's ring folder holds on disk (bounded by `--live-window`). */
  ringBytes: count
})
export type LiveChannelStatus = z.infer<typeof LiveChannelStatus>

export const StatusReply = z.object({
  version: z.literal(1),
  uptimeSec: count,
  items: count,
  itemsOffline: count,
  /** Null until the parts have started. */
  ingest: IngestStats.nullable(),
  seeder: SeederStats.nullable(),
  /** The embedded tracker's counters (tracker/tracker-stats.ts); read as a record here, the tracker owns its shape. */
  tracker: z.record(z.string(), z.unknown()),
  sync: SyncStatus.nullable(),
  watchState: WatchStateLogStats.nullable(),
  webSeed: z.boolean(),
  webrtc: WebRTCStats,
  runtime: RuntimeStats,
  /** Absent from seed nodes before editions were reported here. */
  editions: EditionsStatus.optional(),
  /** Live channels (`--live`), empty without any; absent from seed nodes before live counters. */
  live: z.array(LiveChannelStatus).max(64).optional()
})
export type StatusReply = z.infer<typeof StatusReply>
