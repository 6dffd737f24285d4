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
  webSeed: z.boolean()
})
export type StatusReply = z.infer<typeof StatusReply>
