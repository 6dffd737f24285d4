/**
 * `GET /api/status`, for the "Indexing your library" banner: only its `ingest` part, null
 * while the seed node has not started ingest yet.
 */
import { API_PATHS } from '../../../../protocol/api/api-paths.ts'
import { StatusReply, type IngestStats } from '../../../../protocol/api/status.ts'
import { apiClient } from '../../../lib/api/household-api-client.ts'

/** Only the part the banner shows is checked: a change elsewhere in the status must not hide it. */
const IngestPart = StatusReply.pick({ ingest: true })

export async function getIngestStatus (signal?: AbortSignal): Promise<IngestStats | null> {
  return (await apiClient.request({ path: API_PATHS.status, reply: IngestPart, signal })).ingest
}
