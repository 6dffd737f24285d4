/** `GET /api/downloads`: the seed node's download queue and its downloads folder. */
import { API_PATHS } from '../../../../protocol/api/api-paths.ts'
import { DownloadList } from '../../../../protocol/api/downloads.ts'
import { apiClient } from '../../../lib/api/household-api-client.ts'
import { DOWNLOADS_PURPOSE } from './downloads-purpose.ts'

export async function getDownloads (signal?: AbortSignal): Promise<DownloadList> {
  return await apiClient.request({ path: API_PATHS.downloads, reply: DownloadList, purpose: DOWNLOADS_PURPOSE, signal })
}
