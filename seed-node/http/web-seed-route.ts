/**
 * The HTTP web seed (BEP 19): `GET /webseed/<token>/<infohash>/<path in torrent>` with
 * Range support, read straight from the library. The token (household credential or a
 * share token for this item) is checked by the caller, see `http-server.ts`. WebTorrent falls back to it when no WebRTC
 * peer answers in time. Unknown items and paths are 404; ranges past the end are 416.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { LibraryRegistry } from '../library/library-registry.ts'
import { parseRange } from './byte-range.ts'
import type { Logger } from '../lib/log.ts'

/** `/webseed/<token>/<infohash>/<path>`. */
export const WEB_SEED_PATH = /^\/webseed\/([A-Za-z0-9._-]{1,200})\/([0-9a-f]{40})\/(.+)$/

function plain (res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(message + '\n')
}

/** Finds the disk path for `rest` (the URL after the infohash), with or without the torrent folder name. */
function resolveTorrentPath (diskPaths: Record<string, string>, rest: string): string | undefined {
  if (diskPaths[rest]) return diskPaths[rest]
  for (const [torrentPath, diskPath] of Object.entries(diskPaths)) {
    if (torrentPath.slice(torrentPath.indexOf('/') + 1) === rest) return diskPath
  }
  return undefined
}

export async function serveWebSeed (registry: LibraryRegistry, req: IncomingMessage, res: ServerResponse, pathname: string, log: Logger): Promise<void> {
  const match = WEB_SEED_PATH.exec(pathname)
  if (!match) return plain(res, 404, 'unknown web seed path')
  const [, , infoHash = '', encodedRest = ''] = match
  const item = registry.get(infoHash)
  if (!item) return plain(res, 404, `no item ${infoHash}`)
  if (item.availability === 'offline') return plain(res, 503, 'item offline: its file cannot be read right now', { 'retry-after': '60' })
  let rest: string
  try {
    rest = encodedRest.split('/').map(decodeURIComponent).join('/')
  } catch {
    return plain(res, 400, 'bad percent-encoding in path')
  }
  const diskPath = resolveTorrentPath(item.diskPaths, rest)
  if (!diskPath) return plain(res, 404, `item ${infoHash} has no file ${rest}`)
  let size: number
  try {
    size = (await stat(diskPath)).size
  } catch (err) {
    log.warn('webseed.file_unreadable', { infoHash, path: rest, error: String(err) })
    return plain(res, 503, 'file cannot be read right now', { 'retry-after': '60' })
  }
  const range = parseRange(req.headers.range, size)
  if (range.kind === 'unsatisfiable') return plain(res, 416, 'range not satisfiable', { 'content-range': `bytes */${size}` })
  const start = range.kind === 'partial' ? range.start : 0
  const end = range.kind === 'partial' ? range.end : size - 1
  res.writeHead(range.kind === 'partial' ? 206 : 200, {
    'content-type': 'application/octet-stream',
    'content-length': String(end - start + 1),
    'accept-ranges': 'bytes',
    'access-control-allow-origin': '*',
    ...(range.kind === 'partial' ? { 'content-range': `bytes ${start}-${end}/${size}` } : {})
  })
  if (req.method === 'HEAD' || size === 0) {
    res.end()
    return
  }
  createReadStream(diskPath, { start, end })
    .on('error', err => {
      log.warn('webseed.read_failed', { infoHash, path: rest, error: err.message })
      res.destroy()
    })
    .pipe(res)
}
