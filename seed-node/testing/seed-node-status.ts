/**
 * `GET /api/status` as the tests and benchmarks read it, checked at the boundary: a seed node
 * is another process, so its answer is parsed, not trusted. Only the fields callers read are
 * named; the rest may change without breaking them.
 */
import { z } from 'zod'

const count = z.number().int().nonnegative()

const IngestStatus = z.looseObject({
  itemsHashed: count,
  itemsReused: count,
  piecesHashed: count,
  scans: count,
  scanning: z.boolean()
})

const SeederStatus = z.looseObject({
  torrents: count,
  peers: count,
  webrtcPeers: count,
  uploadedBytes: count
})

const SyncStatus = z.looseObject({
  infoHash: z.string().regex(/^[0-9a-f]{40}$/),
  peers: z.array(z.object({ role: z.enum(['seed-node', 'device']), deviceId: z.string() })),
  wiresOpen: count,
  hellosReceived: count,
  recordsReceived: count,
  recordsChanged: count,
  recordsSent: count,
  ackEntriesSent: count
})

const WatchStateStatus = z.looseObject({
  records: count,
  logLines: count
})

export const SeedNodeStatus = z.looseObject({
  items: count,
  itemsOffline: count,
  ingest: IngestStatus,
  seeder: SeederStatus,
  sync: SyncStatus.nullable(),
  watchState: WatchStateStatus.nullable()
})
export type SeedNodeStatus = z.infer<typeof SeedNodeStatus>

export function parseSeedNodeStatus (json: unknown): SeedNodeStatus {
  const parsed = SeedNodeStatus.safeParse(json)
  if (!parsed.success) throw new Error(`GET /api/status answered an unexpected shape: ${parsed.error.message}`)
  return parsed.data
}
