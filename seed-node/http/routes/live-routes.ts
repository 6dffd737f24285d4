/**
 * Live channels over HTTP (protocol/api/live.ts):
 * - `GET /api/live`: the channels and their state; `GET /api/live/<id>/share`: a friend's
 *   link to one channel (household, behind the `/api/` gate): its token and the app's guest
 *   page for it (protocol/live-share-link.ts).
 * - `GET /live/<token>/<id>/<file>`: the playlist (`no-cache`: it changes every segment),
 *   segments (immutable: a name is never reused, live-args.ts), the still, and `channel.json`
 *   (the channel's name and state, for a friend's guest page). The token is
 *   the household credential or a share token for that channel, checked by the same gate as
 *   the web seed (bans and failure counts included). A file is served only when its name has
 *   a ring file's shape and it exists in that channel's ring: no path reaches elsewhere.
 */
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { pipeline } from 'node:stream'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip as gzipCallback, type BrotliOptions } from 'node:zlib'
import { ApiError } from '../../../protocol/api/api-error.ts'
import { API_PATHS } from '../../../protocol/api/api-paths.ts'
import { ChannelId, LIVE_CHANNEL_INFO, LIVE_PLAYLIST, LIVE_STILL, LIVE_VIEWER_PARAM, LiveViewerId, liveFilePath, type LiveListReply, type LiveShareReply } from '../../../protocol/api/live.ts'
import { liveShareLink } from '../../../protocol/live-share-link.ts'
import { gate } from '../../access/access-gate.ts'
import type { LiveChannel } from '../../live/live-channel.ts'
import type { Logger } from '../../lib/log.ts'
import { jsonAnswer, streamAnswer, type Answer } from '../answer.ts'
import { pickContentCoding, type ContentCoding } from '../content-encoding.ts'
import type { HttpServerDeps } from '../http-server-deps.ts'
import type { HearthRequest } from '../request.ts'
import { transportOf } from '../request-transport.ts'
import { requestOrigin } from '../request-origin.ts'
import type { Route } from '../router.ts'

type LiveDeps = Pick<HttpServerDeps, 'live' | 'access' | 'tracker' | 'log' | 'config'>

const LIVE_FILE_PATH = /^\/live\/([A-Za-z0-9._-]{1,200})\/([^/]{1,100})\/([^/]{1,100})$/
const ANY_LIVE_PATH = /^\/live(\/.*)?$/
const SEGMENT_CACHE = 'private, max-age=86400, immutable'
const brotli = promisify<Buffer, BrotliOptions, Buffer>(brotliCompress)
const gzip = promisify<Buffer, Buffer>(gzipCallback)
/** Fast and still far smaller than gzip on a playlist's repeated lines. */
const BROTLI_TEXT: BrotliOptions = { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }

/** The host name the caller reached the seed node at (OBS on the same network reaches the RTMP port there), else the listen address; an IPv6 address keeps its brackets (obsServerUrl takes either form). */
function requestHostname (request: HearthRequest, fallback: string): string {
  const host = transportOf(request.raw).host
  if (host === undefined) return fallback
  try {
    return new URL(`http://${host}`).hostname
  } catch {
    return fallback
  }
}

function channelOf (deps: LiveDeps, id: string): LiveChannel {
  const channel = ChannelId.safeParse(id).success ? deps.live.get(id) : undefined
  if (channel === undefined) throw new ApiError('HEARTH_E_NOT_FOUND', 'no such live channel')
  return channel
}

/** For `/api/` (the household credential is checked by the API gate). */
export function liveApiRoutes (deps: LiveDeps): Route[] {
  return [
    { method: 'GET', path: new RegExp(`^${API_PATHS.live}$`), handle: request => jsonAnswer({ channels: deps.live.list(requestHostname(request, deps.config.host)) } satisfies LiveListReply) },
    {
      method: 'GET',
      path: new RegExp(`^${API_PATHS.live}/([^/]+)/share$`),
      handle: (request, [id = '']) => {
        const channel = channelOf(deps, id)
        const token = deps.access.shareToken(channel.id)
        const origin = requestOrigin(request, deps.config.host, deps.config.port).http
        return jsonAnswer({ channelId: channel.id, token, playlistUrl: liveFilePath(token, channel.id, LIVE_PLAYLIST), link: liveShareLink(origin, channel.id, token) } satisfies LiveShareReply)
      }
    }
  ]
}

/** Outside `/api/`: the token in the path is checked here, as the web seed does. */
export function liveFileRoutes (deps: LiveDeps): Route[] {
  return [
    {
      method: 'GET',
      path: LIVE_FILE_PATH,
      handle: async (request, [token = '', id = '', file = '']) => {
        // A share token names the channel id it was made for, as an item's names its infohash.
        const allowed = gate(request, deps.tracker.bans, deps.log, () => deps.access.checkToken(token, id))
        if (!allowed.ok) throw new ApiError(allowed.code, allowed.message)
        const channel = channelOf(deps, id)
        const headOnly = request.method === 'HEAD'
        if (file === LIVE_STILL) return await stillAnswer(channel, headOnly)
        // A friend (share token) gets the state without its reason: the reason quotes ffmpeg and
        // ffprobe, which name the household's files, devices and camera addresses, and the guest
        // page shows only "offline". The household credential gets it as /api/live does.
        if (file === LIVE_CHANNEL_INFO) return jsonAnswer(allowed.principal.kind === 'share' ? { ...channel.view(), reason: null } : channel.view())
        const diskPath = channel.ring.filePath(file)
        if (diskPath === null) throw new ApiError('HEARTH_E_NOT_FOUND', 'no such file in this live channel')
        if (file === LIVE_PLAYLIST) {
          const viewer = LiveViewerId.safeParse(request.searchParams.get(LIVE_VIEWER_PARAM))
          return await playlistAnswer(diskPath, channel, { headOnly, viewer: viewer.success ? `player:${viewer.data}` : `address:${request.remoteAddress}`, coding: pickContentCoding(request.header('accept-encoding')) })
        }
        return await segmentAnswer(diskPath, file, channel, headOnly, deps.log)
      }
    },
    {
      method: 'GET',
      path: ANY_LIVE_PATH,
      handle: () => { throw new ApiError('HEARTH_E_UNAUTHENTICATED', 'live channel URLs carry a household or share token: /live/<token>/<channel>/<file>') }
    }
  ]
}

interface PlaylistAsk {
  headOnly: boolean
  /** Who asked: counted as watching once a playlist is there to watch. */
  viewer: string
  coding: ContentCoding
}

/**
 * The playlist, compressed when the player accepts it: every player fetches it once a segment
 * and peers cannot share it, so its bytes are upload that P2P never saves (a 180 s window of
 * 1 s segments is ~18 kB, ~10× smaller compressed, against ~150 kB/s of 640×360 video).
 */
async function playlistAnswer (diskPath: string, channel: LiveChannel, ask: PlaylistAsk): Promise<Answer> {
  // Read whole (a few KB): ffmpeg replaces it by rename, so a reader never sees half of one.
  const text = await readFile(diskPath).catch(() => null)
  if (text === null) throw new ApiError('HEARTH_E_NOT_FOUND', 'this live channel has no video yet (starting or offline)')
  channel.counters.playlistAsked(ask.viewer, Date.now())
  const body = ask.coding === 'br' ? await brotli(text, BROTLI_TEXT) : ask.coding === 'gzip' ? await gzip(text) : text
  return streamAnswer(res => {
    res.writeHead(200, {
      'content-type': 'application/vnd.apple.mpegurl',
      'content-length': String(body.length),
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
      ...(ask.coding === 'identity' ? {} : { 'content-encoding': ask.coding })
    })
    if (ask.headOnly) return void res.end()
    res.end(body)
    channel.counters.served(body.length)
  })
}

async function segmentAnswer (diskPath: string, file: string, channel: LiveChannel, headOnly: boolean, log: Logger): Promise<Answer> {
  const info = await stat(diskPath).catch(() => null)
  if (info === null || !info.isFile()) throw new ApiError('HEARTH_E_NOT_FOUND', 'this segment has left the live window')
  return streamAnswer(res => {
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(info.size), 'cache-control': SEGMENT_CACHE })
    if (headOnly) return void res.end()
    const fileStream = createReadStream(diskPath)
    // Counted as handed to the response (a viewer who leaves mid-segment got what was sent).
    fileStream.on('data', chunk => channel.counters.served(chunk.length))
    pipeline(fileStream, res, err => {
      if (err && err.message !== 'Premature close') log.debug('live.send_failed', { file, error: err.message })
    })
  })
}

async function stillAnswer (channel: LiveChannel, headOnly: boolean): Promise<Answer> {
  const jpeg = await channel.stillJpeg()
  if (jpeg === null) throw new ApiError('HEARTH_E_NOT_FOUND', 'this live channel has no picture yet (starting or offline)')
  return streamAnswer(res => {
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(jpeg.length), 'cache-control': 'private, max-age=10' })
    if (headOnly) return void res.end()
    res.end(jpeg)
    channel.counters.served(jpeg.length)
  })
}
