/** `POST /api/downloads`: queue a magnet link or a .torrent file on the seed node. */
import { API_PATHS } from '../../../../protocol/api/api-paths.ts'
import { DownloadView, type AddDownloadBody } from '../../../../protocol/api/downloads.ts'
import { apiClient } from '../../../lib/api/household-api-client.ts'
import { DOWNLOADS_PURPOSE } from './downloads-purpose.ts'

/** `magnet` should already have passed `parseMagnet` (the seed node checks it again). */
export async function addMagnetDownload (magnet: string): Promise<DownloadView> {
  return await addDownload({ magnet }, 'default')
}

/** A .torrent file as base64: an upload, so it gets the longer timeout. */
export async function addTorrentDownload (torrentBase64: string): Promise<DownloadView> {
  return await addDownload({ torrentBase64 }, 'upload')
}

async function addDownload (body: AddDownloadBody, timeout: 'default' | 'upload'): Promise<DownloadView> {
  return await apiClient.request({ path: API_PATHS.downloads, method: 'POST', body, reply: DownloadView, purpose: DOWNLOADS_PURPOSE, timeout })
}
