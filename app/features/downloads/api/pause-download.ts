/** `POST /api/downloads/<infohash>/pause|resume`: the download as it is afterwards. */
import { downloadPath } from '../../../../protocol/api/api-paths.ts'
import { DownloadView } from '../../../../protocol/api/downloads.ts'
import { apiClient } from '../../../lib/api/household-api-client.ts'
import { DOWNLOADS_PURPOSE } from './downloads-purpose.ts'

export async function pauseDownload (infoHash: string): Promise<DownloadView> {
  return await apiClient.request({ path: downloadPath(infoHash, 'pause'), method: 'POST', reply: DownloadView, purpose: DOWNLOADS_PURPOSE })
}

export async function resumeDownload (infoHash: string): Promise<DownloadView> {
  return await apiClient.request({ path: downloadPath(infoHash, 'resume'), method: 'POST', reply: DownloadView, purpose: DOWNLOADS_PURPOSE })
}
