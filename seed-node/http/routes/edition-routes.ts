/**
 * Browser editions under the household credential (protocol/api/editions.ts):
 * `POST /api/editions/<itemId>` starts or reuses an edition and answers when the segment
 * holding its `startSec` is ready; `GET /api/editions/<itemId>/<key>/<file>` serves the
 * whole-film playlist (made by the seed node from the edition's time line) and the segments,
 * a segment not made yet being made first (edition-service.ts). Segments are cacheable for a
 * day, since a segment's place on the time line never changes.
 * A finished edition seeded as a torrent is named in the reply with a magnet for this caller.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { pipeline } from 'node:stream'
import { ApiError } from '../../../protocol/api/api-error.ts'
import { EDITION_FILE, EditionKey, EditionRequest, EDITIONS_PATH, type EditionReply } from '../../../protocol/api/editions.ts'
import { InfoHash } from '../../../protocol/catalog.ts'
import { buildMagnet } from '../../../protocol/magnet/build-magnet.ts'
import { webSeedUrl } from '../../../protocol/announce-url.ts'
import { catalogContext } from './catalog-routes.ts'
import type { HearthRequest } from '../request.ts'
import { jsonAnswer, streamAnswer } from '../answer.ts'
import type { HttpServerDeps } from '../http-server-deps.ts'
import { readJsonBody } from '../request-body.ts'
import type { Route } from '../router.ts'

const MAX_EDITION_BODY_BYTES = 1024
const BODY_SHAPE = '{ "audioTrack"?: number, "video"?: "copy" | "h264", "startSec"?: number }'

function itemIdOf (text: string): string {
  const parsed = InfoHash.safeParse(text)
  if (!parsed.success) throw new ApiError('HEARTH_E_BAD_INFOHASH', 'an item id is 40 lowercase hex characters')
  return parsed.data
}

/** Names the finished edition's torrent, as this caller reaches the tracker and the web seed. */
function withTorrent (reply: EditionReply, request: HearthRequest, deps: Pick<HttpServerDeps, 'config' | 'access' | 'editions' | 'artwork' | 'registry'>): EditionReply {
  const made = reply.state === 'ready' ? deps.editions.torrentFor(reply.itemId, reply.key) : undefined
  if (made === undefined) return reply
  const context = catalogContext(request, deps)
  const magnet = buildMagnet({
    infoHash: made.infoHash,
    displayName: made.fileName,
    trackers: context.classicTrackerUrl === null ? [context.trackerUrl] : [context.trackerUrl, context.classicTrackerUrl],
    webSeeds: context.webSeed ? [webSeedUrl(context.publicOrigin, context.token, made.infoHash, made.fileName)] : []
  })
  return { ...reply, torrent: { infoHash: made.infoHash, magnet, fileName: made.fileName, sizeBytes: made.sizeBytes, pieceCount: made.pieceCount } }
}

function contentTypeOf (file: string): string {
  return file.endsWith('.m3u8') ? 'application/vnd.apple.mpegurl' : 'video/mp4'
}

export function editionRoutes (deps: Pick<HttpServerDeps, 'log' | 'config' | 'access' | 'editions' | 'artwork' | 'registry'>): Route[] {
  const { editions, log } = deps
  return [
    {
      method: 'POST',
      path: new RegExp(`^${EDITIONS_PATH}/([^/]+)$`),
      handle: async (request, [id = '']) => {
        const itemId = itemIdOf(id)
        const body = EditionRequest.safeParse(await readJsonBody(request, MAX_EDITION_BODY_BYTES, BODY_SHAPE))
        if (!body.success) throw new ApiError('HEARTH_E_BAD_REQUEST', `an edition request is ${BODY_SHAPE}`)
        return jsonAnswer(withTorrent(await editions.request(itemId, body.data), request, deps))
      }
    },
    {
      method: 'GET',
      path: new RegExp(`^${EDITIONS_PATH}/([^/]+)/([^/]+)/([^/]+)$`),
      handle: async (request, [id = '', key = '', file = '']) => {
        const itemId = itemIdOf(id)
        if (!EditionKey.safeParse(key).success || !EDITION_FILE.test(file)) throw new ApiError('HEARTH_E_NOT_FOUND', 'no such edition file')
        if (file === 'index.m3u8') {
          const playlist = Buffer.from(await editions.playlist(itemId, key))
          return streamAnswer(res => {
            res.writeHead(200, { 'content-type': contentTypeOf(file), 'content-length': String(playlist.length), 'cache-control': 'no-cache' })
            res.end(request.method === 'HEAD' ? undefined : playlist)
          })
        }
        const diskPath = await editions.filePath(itemId, key, file)
        const info = await stat(diskPath).catch(() => null)
        if (info === null || !info.isFile()) throw new ApiError('HEARTH_E_NOT_FOUND', 'no such edition file (not prepared yet, or removed from the cache)')
        return streamAnswer(res => {
          res.writeHead(200, {
            'content-type': contentTypeOf(file),
            'content-length': String(info.size),
            'cache-control': 'private, max-age=86400'
          })
          if (request.method === 'HEAD') return void res.end()
          pipeline(createReadStream(diskPath), res, err => {
            if (err && err.message !== 'Premature close') log.debug('editions.send_failed', { file, error: err.message })
          })
        })
      }
    }
  ]
}
