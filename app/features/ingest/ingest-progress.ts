/** Whether ingest is busy, and the banner's words for it. */
import type { IngestStats } from '../../../protocol/api/status.ts'

/** The fields the banner reads. */
type IngestProgress = Pick<IngestStats, 'queued' | 'scanning'>

export function ingestBusy (ingest: IngestProgress | null): boolean {
  return ingest !== null && (ingest.queued > 0 || ingest.scanning)
}

/** `Indexing your library: 12 items left`; null when there is nothing to say. */
export function ingestBannerText (ingest: IngestProgress | null): string | null {
  if (ingest === null || !ingestBusy(ingest)) return null
  if (ingest.queued === 0) return 'Indexing your library: looking for new files…'
  return `Indexing your library: ${ingest.queued === 1 ? '1 item' : `${ingest.queued.toLocaleString('en')} items`} left`
}
