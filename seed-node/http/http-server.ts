/**
 * The seed node's one HTTP port: the PWA, the catalog API, the web seed and the embedded
 * tracker (`/announce`, WebSocket and HTTP). Each request is parsed once (request.ts) and
 * looked up in a route table (router.ts); handlers return an answer or throw `ApiError`,
 * and send-error.ts answers every failure (an unexpected one as a logged 500, never a crash).
 *   /announce, /scrape  → the tracker, untouched (routes/tracker-routes.ts)
 *   /api/*              → household only; JSON answers, JSON 404 and 405 (with `allow`)
 *   /webseed/*, /torrent/*, /live/*, others → web seed, .torrent files, live channels, app files; plain-text 405 (with `allow`)
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type net from 'node:net'
import { ApiError, errorBody } from '../../protocol/api/api-error.ts'
import { HearthError, errnoCode } from '../lib/errors.ts'
import { gate } from '../access/access-gate.ts'
import { sendAnswer, sendJson, sendPlain } from './answer.ts'
import type { HttpServerDeps } from './http-server-deps.ts'
import { parseRequest, type HearthRequest } from './request.ts'
import { lookup, type Route } from './router.ts'
import { sendError } from './send-error.ts'
import { catalogRoutes } from './routes/catalog-routes.ts'
import { downloadRoutes } from './routes/download-routes.ts'
import { shareRoutes } from './routes/share-routes.ts'
import { staticRoutes } from './routes/static-files.ts'
import { reachRoutes } from './routes/reach-route.ts'
import { statusRoutes } from './routes/status-route.ts'
import { isTrackerPath, passToTracker, upgradeToTracker } from './routes/tracker-routes.ts'
import { webSeedRoutes } from './routes/web-seed-route.ts'
import { torrentFileRoutes } from './routes/torrent-file-route.ts'
import { subtitleApiRoutes, subtitleTokenRoutes } from './routes/subtitle-route.ts'
import { editionRoutes } from './routes/edition-routes.ts'
import { artApiRoutes, artTokenRoutes } from './routes/art-route.ts'
import { liveApiRoutes, liveFileRoutes } from './routes/live-routes.ts'

export type { HttpServerDeps } from './http-server-deps.ts'

/** Every `/api/*` route: the ones the app's API client calls (protocol/api/api-paths.ts). */
export function apiRoutes (deps: HttpServerDeps): Route[] {
  return [...subtitleApiRoutes(deps), ...artApiRoutes(deps), ...catalogRoutes(deps), ...statusRoutes(deps), ...reachRoutes(deps), ...shareRoutes(deps), ...downloadRoutes(deps), ...editionRoutes(deps), ...liveApiRoutes(deps)]
}

export function createHttpServer (deps: HttpServerDeps): http.Server {
  const { tracker, access, log } = deps
  const api = apiRoutes(deps)
  const others = [...webSeedRoutes(deps), ...torrentFileRoutes(deps), ...subtitleTokenRoutes(deps), ...artTokenRoutes(deps), ...liveFileRoutes(deps), ...staticRoutes(deps.config.appDir)]

  async function answerApi (request: HearthRequest, res: ServerResponse): Promise<void> {
    const allowed = gate(request, tracker.bans, log, () => access.checkAuthorization(request.header('authorization')))
    if (!allowed.ok) throw new ApiError(allowed.code, allowed.message)
    const found = lookup(api, request)
    if (found.kind === 'not-found') throw new ApiError('HEARTH_E_NOT_FOUND', `no API endpoint ${request.pathname.slice(0, 200)}`)
    if (found.kind === 'wrong-method') {
      sendJson(res, 405, errorBody('HEARTH_E_METHOD_NOT_ALLOWED', `${request.pathname.slice(0, 200)} takes ${found.allow}`), { allow: found.allow })
      return
    }
    await sendAnswer(res, await found.handle(request, found.params))
  }

  async function answerOther (request: HearthRequest, res: ServerResponse): Promise<void> {
    const found = lookup(others, request)
    if (found.kind === 'not-found') return sendPlain(res, 404, 'not found')
    if (found.kind === 'wrong-method') return sendPlain(res, 405, 'method not allowed', { allow: found.allow })
    await sendAnswer(res, await found.handle(request, found.params))
  }

  async function dispatch (req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = parseRequest(req)
    if (isTrackerPath(request)) return passToTracker(tracker, req, res)
    if (request.pathname.startsWith('/api/')) return await answerApi(request, res)
    return await answerOther(request, res)
  }

  const server = http.createServer((req, res) => {
    dispatch(req, res).catch(err => sendError(res, err, log, { method: req.method, url: req.url }))
  })
  server.on('upgrade', (req, socket, head) => {
    let request: HearthRequest | null = null
    try {
      request = parseRequest(req)
    } catch {
      // Not a URL path: refused below like any path that is not the tracker's.
    }
    upgradeToTracker(tracker, request, socket, head)
  })
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
  })
  return server
}

/** Listens, turning "port in use" into an error that names the port. */
export async function listen (server: net.Server, host: string, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error): void => {
      server.off('listening', onListening)
      if (errnoCode(err) === 'EADDRINUSE') reject(new HearthError('HEARTH_E_PORT_IN_USE', `port ${port} on ${host} is already in use (choose another with --port)`))
      else reject(err)
    }
    const onListening = (): void => {
      server.off('error', onError)
      resolve()
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(port, host)
  })
  const address = server.address()
  return typeof address === 'object' && address ? address.port : port
}
