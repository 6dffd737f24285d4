/**
 * The download queue over HTTP (household only: the server gates `/api/*` first):
 *   GET    /api/downloads                               → DownloadList
 *   POST   /api/downloads  {magnet} | {torrentBase64}   → 201 DownloadView
 *   GET    /api/downloads/<infohash>                    → DownloadView
 *   POST   /api/downloads/<infohash>/pause|resume       → DownloadView
 *   DELETE /api/downloads/<infohash>?deleteData=true|false → RemovedDownload
 * Formats and caps are protocol/api/downloads.ts; bodies are parsed with its zod schema.
 */
import { ApiError } from '../../../protocol/api/api-error.ts'
import { API_PATHS } from '../../../protocol/api/api-paths.ts'
import { AddDownloadBody, MAX_DOWNLOAD_BODY_BYTES, type DownloadList, type DownloadView, type RemovedDownload } from '../../../protocol/api/downloads.ts'
import { InfoHash } from '../../../protocol/catalog.ts'
import type { DownloadQueue } from '../../downloads/download-queue.ts'
import { parseDownloadMagnet } from '../../downloads/download-magnet.ts'
import { checkTorrentFile, decodeTorrentBase64 } from '../../downloads/download-torrent-file.ts'
import { jsonAnswer } from '../answer.ts'
import type { HttpServerDeps } from '../http-server-deps.ts'
import type { HearthRequest } from '../request.ts'
import { readJsonBody } from '../request-body.ts'
import type { Route } from '../router.ts'

const ADD_BODY_SHAPE = '{"magnet": "<magnet link>"} or {"torrentBase64": "<.torrent as base64>"}'

function infoHashOf (text: string): string {
  const parsed = InfoHash.safeParse(text)
  if (!parsed.success) throw new ApiError('HEARTH_E_BAD_INFOHASH', 'an infohash is 40 lowercase hex characters')
  return parsed.data
}

async function add (request: HearthRequest, queue: DownloadQueue): Promise<DownloadView> {
  const body = AddDownloadBody.safeParse(await readJsonBody(request, MAX_DOWNLOAD_BODY_BYTES, ADD_BODY_SHAPE))
  if (!body.success) throw new ApiError('HEARTH_E_BAD_REQUEST', `the body must be ${ADD_BODY_SHAPE}, nothing else`)
  if ('magnet' in body.data) {
    const magnet = parseDownloadMagnet(body.data.magnet)
    return await queue.add({ kind: 'magnet', magnet, text: body.data.magnet.trim() })
  }
  const torrent = await checkTorrentFile(decodeTorrentBase64(body.data.torrentBase64), queue.folder)
  return await queue.add({ kind: 'torrent', torrent })
}

async function remove (request: HearthRequest, queue: DownloadQueue, infoHash: string): Promise<RemovedDownload> {
  const deleteData = request.searchParams.get('deleteData') ?? 'false'
  if (deleteData !== 'true' && deleteData !== 'false') throw new ApiError('HEARTH_E_BAD_REQUEST', 'deleteData must be true or false')
  return await queue.remove(infoHash, deleteData === 'true')
}

export function downloadRoutes (deps: Pick<HttpServerDeps, 'downloads'>): Route[] {
  const queue = (): DownloadQueue => {
    const found = typeof deps.downloads === 'function' ? deps.downloads() : deps.downloads
    if (found === null) throw new ApiError('HEARTH_E_STARTING', 'the download queue is still loading; try again in a moment')
    return found
  }
  const list = new RegExp(`^${API_PATHS.downloads}$`)
  const one = new RegExp(`^${API_PATHS.downloads}/([^/]+)$`)
  return [
    { method: 'GET', path: list, handle: () => jsonAnswer({ folder: queue().folder, downloads: queue().list() } satisfies DownloadList) },
    { method: 'POST', path: list, handle: async request => jsonAnswer(await add(request, queue()), 201) },
    { method: 'GET', path: one, handle: (_request, [hash = '']) => jsonAnswer(queue().get(infoHashOf(hash))) },
    { method: 'DELETE', path: one, handle: async (request, [hash = '']) => jsonAnswer(await remove(request, queue(), infoHashOf(hash))) },
    { method: 'POST', path: new RegExp(`^${API_PATHS.downloads}/([^/]+)/pause$`), handle: async (_request, [hash = '']) => jsonAnswer(await queue().pause(infoHashOf(hash))) },
    { method: 'POST', path: new RegExp(`^${API_PATHS.downloads}/([^/]+)/resume$`), handle: async (_request, [hash = '']) => jsonAnswer(await queue().resume(infoHashOf(hash))) }
  ]
}
