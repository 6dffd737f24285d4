/**
 * The HTTP web seed (BEP 19): `GET /webseed/<token>/<infohash>/<path in torrent>` with
 * Range support, read straight from the library. The token (household credential or a
 * share token for this item) goes through the access gate first. WebTorrent falls back to
 * it when no WebRTC peer answers in time. Refusals of the token are JSON (`ApiError`);
 * unknown items and paths are plain-text 404s (BitTorrent clients read the status only);
 * ranges past the end are 416.
 */
import type { FileHandle } from 'node:fs/promises'
import { pipeline } from 'node:stream'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApiError } from '../../../protocol/api/api-error.ts'
import type { LibraryRegistry } from '../../library/library-registry.ts'
import type { SeedFiles } from '../../library/torrent-seeder.ts'
import { gate } from '../../access/access-gate.ts'
import { parseRange } from '../byte-range.ts'
import type { Logger } from '../../lib/log.ts'
import { errnoCode, HearthError } from '../../lib/errors.ts'
import { openLibraryFile } from '../../library/library-file-open.ts'
import { seedFilesOf } from '../../library/library-item.ts'
import { sendPlain as plain, streamAnswer } from '../answer.ts'
import type { HttpServerDeps } from '../http-server-deps.ts'
import type { HearthRequest } from '../request.ts'
import type { Route } from '../router.ts'

/** `/webseed/<token>/<infohash>/<path>`. */
export const WEB_SEED_PATH = /^\/webseed\/([A-Za-z0-9._-]{1,200})\/([0-9a-f]{40})\/(.+)$/

/** `/webseed/…` that is not a well-formed web seed path: it carries no usable token. */
const ANY_WEB_SEED_PATH = /^\/webseed\/.*$/

export function webSeedRoutes (deps: Pick<HttpServerDeps, 'config' | 'registry' | 'tracker' | 'access' | 'log' | 'editions'>): Route[] {
  const { config, registry, tracker, access, log } = deps
  const webSeedOff = (): ApiError => new ApiError('HEARTH_E_WEB_SEED_OFF', 'the web seed is turned off on this seed node')
  const admit = (request: HearthRequest, token: string, infoHash: string): void => {
    if (!config.webSeed) throw webSeedOff()
    const allowed = gate(request, tracker.bans, log, () => access.checkToken(token, infoHash))
    if (!allowed.ok) throw new ApiError(allowed.code, allowed.message)
  }
  return [
    {
      method: 'GET',
      path: WEB_SEED_PATH,
      handle: (request, [token = '', infoHash = '', encodedRest = '']) => {
        admit(request, token, infoHash)
        return streamAnswer(async res => await serveWebSeed(registry, request.raw, res, { infoHash, encodedRest }, log, infoHash => deps.editions.seeding.filesOf(infoHash)))
      }
    },
    {
      method: 'GET',
      path: ANY_WEB_SEED_PATH,
      handle: () => {
        if (!config.webSeed) throw webSeedOff()
        throw new ApiError('HEARTH_E_UNAUTHENTICATED', 'web seed URLs carry a household or share token: /webseed/<token>/<infohash>/<path>')
      }
    }
  ]
}

/** Finds the disk path for `rest` (the URL after the infohash), with or without the torrent folder name. */
function resolveTorrentPath (diskPaths: Record<string, string>, rest: string): string | undefined {
  if (diskPaths[rest]) return diskPaths[rest]
  for (const [torrentPath, diskPath] of Object.entries(diskPaths)) {
    if (torrentPath.slice(torrentPath.indexOf('/') + 1) === rest) return diskPath
  }
  return undefined
}

interface WebSeedTarget { infoHash: string, encodedRest: string }

/** What the web seed reads for an infohash that is no library item: a finished edition's MP4 (edition-seeding.ts). */
type OtherSeedFiles = (infoHash: string) => (SeedFiles & { availability: 'online' | 'offline' }) | undefined

export async function serveWebSeed (registry: LibraryRegistry, req: IncomingMessage, res: ServerResponse, target: WebSeedTarget, log: Logger, others: OtherSeedFiles = () => undefined): Promise<void> {
  const { infoHash, encodedRest } = target
  const arrived = performance.now()
  const item = registry.get(infoHash) ?? others(infoHash)
  if (!item) return plain(res, 404, `no item ${infoHash}`)
  if (item.availability === 'offline') return plain(res, 503, 'item offline: its file cannot be read right now', { 'retry-after': '60' })
  // Changed since its torrent was made: its bytes no longer match the pieces until hashed again.
  if (item.availability === 'checking') return plain(res, 503, 'item changed on disk: being checked again', { 'retry-after': '10' })
  let rest: string
  try {
    rest = encodedRest.split('/').map(decodeURIComponent).join('/')
  } catch {
    return plain(res, 400, 'bad percent-encoding in path')
  }
  const files = 'stored' in item ? seedFilesOf(item) : item
  const diskPath = resolveTorrentPath(files.diskPaths, rest)
  if (!diskPath) return plain(res, 404, `item ${infoHash} has no file ${rest}`)
  let handle: FileHandle
  let size: number
  try {
    // Opened once and read from that handle: a symlink swapped in after the scan is refused here.
    handle = await openLibraryFile(diskPath, files.confinement)
  } catch (err) {
    if (err instanceof HearthError && err.code === 'HEARTH_E_OUTSIDE_LIBRARY') {
      log.warn('webseed.outside_library', { infoHash, path: rest, error: err.message })
      return plain(res, 404, `item ${infoHash} has no file ${rest}`)
    }
    log.warn('webseed.file_unreadable', { infoHash, path: rest, error: String(err) })
    return plain(res, 503, 'file cannot be read right now', { 'retry-after': '60' })
  }
  try {
    size = (await handle.stat()).size
  } catch (err) {
    await handle.close()
    throw err
  }
  const range = parseRange(req.headers.range, size)
  if (range.kind === 'unsatisfiable') {
    await handle.close()
    return plain(res, 416, 'range not satisfiable', { 'content-range': `bytes */${size}` })
  }
  const start = range.kind === 'partial' ? range.start : 0
  const end = range.kind === 'partial' ? range.end : size - 1
  res.writeHead(range.kind === 'partial' ? 206 : 200, {
    'content-type': 'application/octet-stream',
    'content-length': String(end - start + 1),
    'accept-ranges': 'bytes',
    'access-control-allow-origin': '*',
    // How long the node took from the request to its headers (bench/sections/first-frame.ts reads it from the page's resource timing).
    'server-timing': `open;dur=${(performance.now() - arrived).toFixed(1)}`,
    ...(range.kind === 'partial' ? { 'content-range': `bytes ${start}-${end}/${size}` } : {})
  })
  if (req.method === 'HEAD' || size === 0) {
    await handle.close()
    res.end()
    return
  }
  // pipeline destroys the stream (closing the handle) when the client goes away mid-transfer.
  pipeline(handle.createReadStream({ start, end }), res, err => {
    // A client that went away is no failure of ours.
    if (err && errnoCode(err) !== 'ERR_STREAM_PREMATURE_CLOSE') log.warn('webseed.read_failed', { infoHash, path: rest, error: err.message })
  })
}
