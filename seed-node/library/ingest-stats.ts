/** Counters of what ingest did, exposed at `/api/status` so tests and people can see them. */
export interface IngestStats {
  /** Items whose torrent was made (or remade) by hashing their bytes. */
  itemsHashed: number
  /** Items served from the fingerprint cache without reading their bytes. */
  itemsReused: number
  /** Pieces hashed since start; zero on a restart over an unchanged library. */
  piecesHashed: number
  bytesHashed: number
  /** Files skipped (unreadable, vanished) in the last scan. */
  filesSkipped: number
  /** Completed scans since start. */
  scans: number
  /** True while a scan is running. */
  scanning: boolean
  /** Items of the current scan still waiting to be hashed (progress of a first ingest). */
  queued: number
}

export function emptyIngestStats (): IngestStats {
  return { itemsHashed: 0, itemsReused: 0, piecesHashed: 0, bytesHashed: 0, filesSkipped: 0, scans: 0, scanning: false, queued: 0 }
}
