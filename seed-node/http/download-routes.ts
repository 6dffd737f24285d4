/**
 * The download queue over HTTP (household only; `http-server.ts` gates `/api/*` first):
 *   GET    /api/downloads                          → { downloads: DownloadView[] }
 *   POST   /api/downloads  {magnet} | {torrentBase64}  → 201 DownloadView
 *   POST   /api/downloads/<infohash>/pause|resume  → DownloadView
 *   DELETE /api/downloads/<infohash>?deleteData=true|false → { infoHash, deletedFiles, setAside }
 * Bodies are capped, parsed with zod, and refused with a specific code and status.
 */
import type { IncomingMessage } from 'node:http'
import { z } from 'zod'
import { InfoHash } from '../../protocol/catalog.ts'
import type { DownloadQueue } from '../downloads/download-queue.ts'
import { DownloadInputError } from '../downloads/download-input-error.ts'
import { parseDownloadMagnet, MAX_MAGNET_LENGTH_CHARS } from '../downloads/download-magnet.ts'
import { checkTorrentFile, decodeTorrentBase64, MAX_TORRENT_FILE_BYTES } from '../downloads/download-torrent-file.ts'

/** Largest JSON body: a 4 MiB .torrent is ~5.4 MiB of base64. */
export const MAX_DOWNLOAD_BODY_BYTES = 6 * 1024 * 1024

const AddDownloadBody = z.union([
  // Longer magnets reach the parser, which refuses them with HEARTH_E_BAD_MAGNET.
  z.object({ magnet: z.string().min(1).max(8 * MAX_MAGNET_LENGTH_CHARS) }).strict(),
  z.object({ torrentBase64: z.string().min(1).max(Math.ceil(MAX_TORRENT_FILE_BYTES / 3) * 4 + 1024) }).strict()
])

export interface RouteAnswer { status: number, body: unknown }

/** Answers a `/api/downloads...` request, or returns null when the path is not ours. */
export async function routeDownloads (req: IncomingMessage, url: URL, queue: DownloadQueue): Promise<RouteAnswer | null> {
  const { pathname } = url
  if (pathname !== '/api/downloads' && !pathname.startsWith('/api/downloads/')) return null
  try {
    return await answer(req, url, queue)
  } catch (err) {
    if (err instanceof DownloadInputError) return { status: err.status, body: { error: err.code, message: err.message } }
    throw err
  }
}

async function answer (req: IncomingMessage, url: URL, queue: DownloadQueue): Promise<RouteAnswer> {
  const { pathname } = url
  if (pathname === '/api/downloads') {
    if (req.method === 'GET' || req.method === 'HEAD') return { status: 200, body: { folder: queue.folder, downloads: queue.list() } }
    if (req.method === 'POST') return { status: 201, body: await add(req, queue) }
    return methodNotAllowed('GET, POST')
  }
  const match = /^\/api\/downloads\/([^/]+)(?:\/(pause|resume))?$/.exec(pathname)
  if (!match) return { status: 404, body: { error: 'HEARTH_E_NOT_FOUND', message: `no API endpoint ${pathname.slice(0, 200)}` } }
  const infoHash = InfoHash.safeParse(match[1])
  if (!infoHash.success) return { status: 400, body: { error: 'HEARTH_E_BAD_INFOHASH', message: 'an infohash is 40 lowercase hex characters' } }
  const action = match[2]
  if (action !== undefined) {
    if (req.method !== 'POST') return methodNotAllowed('POST')
    return { status: 200, body: action === 'pause' ? await queue.pause(infoHash.data) : await queue.resume(infoHash.data) }
  }
  if (req.method === 'GET' || req.method === 'HEAD') return { status: 200, body: queue.get(infoHash.data) }
  if (req.method === 'DELETE') {
    const deleteData = url.searchParams.get('deleteData') ?? 'false'
    if (deleteData !== 'true' && deleteData !== 'false') throw new DownloadInputError('HEARTH_E_BAD_REQUEST', 'deleteData must be true or false')
    return { status: 200, body: await queue.remove(infoHash.data, deleteData === 'true') }
  }
  return methodNotAllowed('GET, DELETE')
}

async function add (req: IncomingMessage, queue: DownloadQueue): Promise<unknown> {
  const type = req.headers['content-type'] ?? ''
  if (!/^application\/json\b/i.test(type)) throw new DownloadInputError('HEARTH_E_BAD_REQUEST', 'send JSON (content-type: application/json): {"magnet": "..."} or {"torrentBase64": "..."}')
  let json: unknown
  try {
    json = JSON.parse(await readBody(req, MAX_DOWNLOAD_BODY_BYTES))
  } catch (err) {
    if (err instanceof DownloadInputError) throw err
    throw new DownloadInputError('HEARTH_E_BAD_REQUEST', 'the body is not valid JSON')
  }
  const body = AddDownloadBody.safeParse(json)
  if (!body.success) throw new DownloadInputError('HEARTH_E_BAD_REQUEST', 'the body must be {"magnet": "<magnet link>"} or {"torrentBase64": "<.torrent as base64>"}, nothing else')
  if ('magnet' in body.data) {
    const magnet = parseDownloadMagnet(body.data.magnet)
    return await queue.add({ kind: 'magnet', magnet, text: body.data.magnet.trim() })
  }
  const torrent = await checkTorrentFile(decodeTorrentBase64(body.data.torrentBase64), queue.folder)
  return await queue.add({ kind: 'torrent', torrent })
}

async function readBody (req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > maxBytes) throw tooLarge(maxBytes)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > maxBytes) throw tooLarge(maxBytes)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function tooLarge (maxBytes: number): DownloadInputError {
  const err = new DownloadInputError('HEARTH_E_BAD_REQUEST', `the body is larger than ${maxBytes / (1024 * 1024)} MiB`)
  return Object.assign(err, { status: 413 })
}

function methodNotAllowed (allow: string): RouteAnswer {
  return { status: 405, body: { error: 'HEARTH_E_METHOD_NOT_ALLOWED', message: `use ${allow}` } }
}
