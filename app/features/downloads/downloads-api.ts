/**
 * The download queue on the seed node (`seed-node/download-routes.ts`): list, add a magnet
 * or a .torrent, pause, resume, remove. Every call is a household member's.
 */
import { DownloadList, DownloadView, RemovedDownload } from './download-schema.ts'
import { downloadsRequest } from './downloads-request.ts'

const DOWNLOADS_PATH = '/api/downloads'

function downloadPath (infoHash: string, action = ''): string {
  return `${DOWNLOADS_PATH}/${encodeURIComponent(infoHash)}${action}`
}

export async function fetchDownloads (credential: string, signal?: AbortSignal): Promise<DownloadList> {
  return await downloadsRequest(DOWNLOADS_PATH, { method: 'GET', credential, signal }, DownloadList)
}

/** `magnet` should already have passed `parseMagnet` (the seed node checks it again). */
export async function addMagnetDownload (magnet: string, credential: string): Promise<DownloadView> {
  return await downloadsRequest(DOWNLOADS_PATH, { method: 'POST', credential, body: { magnet } }, DownloadView)
}

export async function addTorrentDownload (torrentBase64: string, credential: string): Promise<DownloadView> {
  return await downloadsRequest(DOWNLOADS_PATH, { method: 'POST', credential, body: { torrentBase64 } }, DownloadView)
}

export async function pauseDownload (infoHash: string, credential: string): Promise<DownloadView> {
  return await downloadsRequest(downloadPath(infoHash, '/pause'), { method: 'POST', credential }, DownloadView)
}

export async function resumeDownload (infoHash: string, credential: string): Promise<DownloadView> {
  return await downloadsRequest(downloadPath(infoHash, '/resume'), { method: 'POST', credential }, DownloadView)
}

/** Keeping data: a finished download stays in the library, an unfinished one is set aside. */
export async function removeDownload (infoHash: string, deleteData: boolean, credential: string): Promise<RemovedDownload> {
  return await downloadsRequest(`${downloadPath(infoHash)}?deleteData=${String(deleteData)}`, { method: 'DELETE', credential }, RemovedDownload)
}
