/**
 * The seed node's one HTTP port: the PWA, the catalog API, the web seed and the embedded
 * tracker (`/announce`, WebSocket and HTTP). Every handler's failure becomes a logged 500,
 * never a crash.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { HearthTracker } from '../../tracker/tracker-server.ts'
import type { SeedNodeConfig } from '../config.ts'
import type { LibraryRegistry } from '../library/library-registry.ts'
import type { Logger } from '../lib/log.ts'
import { toCatalogItem, type CatalogContext } from '../library/catalog-builder.ts'
import { parseCatalogPage, streamCatalog } from './catalog-stream.ts'
import { requestOrigin } from './request-origin.ts'
import { serveStatic } from './static-files.ts'
import { serveWebSeed, WEB_SEED_PATH } from './web-seed-route.ts'
import { HearthError, errnoCode } from '../lib/errors.ts'
import type { HouseholdAccess } from '../access/household-access.ts'
import { gate } from '../access/access-gate.ts'
import { rotateShares, shareLink } from './share-routes.ts'
import { announcePath } from '../../tracker/tracker-server.ts'
import type { DownloadQueue } from '../downloads/download-queue.ts'
import { routeDownloads } from './download-routes.ts'

export interface HttpServerDeps {
  config: SeedNodeConfig
  registry: LibraryRegistry
  tracker: HearthTracker
  access: HouseholdAccess
  log: Logger
  /** The download queue, once the seed node has loaded it. */
  downloads?: () => DownloadQueue | null
  /** Everything `/api/status` reports. */
  status: () => Record<string, unknown>
}

/** Tracker endpoints, with or without a token: `/announce`, `/announce/<token>`, `/scrape[/<token>]`. */
const TRACKER_PATH = /^\/(announce|scrape)(\/|$)/

function json (res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache', 'content-length': Buffer.byteLength(text) }).end(text)
}

export function createHttpServer (deps: HttpServerDeps): http.Server {
  const { config, registry, tracker, access, log } = deps

  function catalogContext (req: IncomingMessage): CatalogContext {
    const origin = requestOrigin(req, config.host, config.port)
    return {
      libraryName: config.libraryName,
      publicOrigin: origin.http,
      trackerUrl: config.trackerUrl ?? `${origin.ws}${announcePath(access.householdToken)}`,
      classicTrackerUrl: config.trackerUrl === null ? `${origin.http}${announcePath(access.householdToken)}` : null,
      webSeed: config.webSeed,
      token: access.householdToken
    }
  }

  async function route (req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://seed-node.invalid')
    const { pathname } = url
    if (TRACKER_PATH.test(pathname)) return tracker.handleHttp(req, res)
    if (pathname.startsWith('/api/')) return await routeApi(req, res, pathname)
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed\n')
      return
    }
    if (pathname.startsWith('/webseed/')) {
      if (!config.webSeed) return json(res, 404, { error: 'HEARTH_E_WEB_SEED_OFF', message: 'the web seed is turned off on this seed node' })
      const match = WEB_SEED_PATH.exec(pathname)
      if (!match) return json(res, 401, { error: 'HEARTH_E_UNAUTHENTICATED', message: 'web seed URLs carry a household or share token: /webseed/<token>/<infohash>/<path>' })
      const allowed = gate(req, tracker, log, () => access.checkToken(match[1] ?? '', match[2] ?? ''))
      if (!allowed.ok) return json(res, allowed.status, { error: allowed.code, message: allowed.message })
      return await serveWebSeed(registry, req, res, pathname, log)
    }
    return await serveStatic(config.appDir, req, res, pathname)
  }

  /** `/api/*`: household members only (Authorization: Bearer <credential>). */
  async function routeApi (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const allowed = gate(req, tracker, log, () => access.checkRequest(req))
    if (!allowed.ok) return json(res, allowed.status, { error: allowed.code, message: allowed.message })
    if (pathname === '/api/downloads' || pathname.startsWith('/api/downloads/')) {
      const queue = deps.downloads?.() ?? null
      if (!queue) return json(res, 503, { error: 'HEARTH_E_STARTING', message: 'the download queue is still loading; try again in a moment' })
      const answer = await routeDownloads(req, new URL(req.url ?? '/', 'http://seed-node.invalid'), queue)
      if (answer) return json(res, answer.status, answer.body)
    }
    if (req.method === 'POST' && pathname === '/api/share/rotate') {
      const { status, body } = await rotateShares(access, log)
      return json(res, status, body)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed\n')
      return
    }
    if (pathname === '/api/catalog') {
      const page = parseCatalogPage(new URL(req.url ?? '/', 'http://seed-node.invalid').searchParams)
      if ('error' in page) return json(res, 400, { error: 'HEARTH_E_BAD_REQUEST', message: page.error })
      return await streamCatalog(res, registry.list(), catalogContext(req), page, req.method === 'HEAD')
    }
    const itemMatch = /^\/api\/catalog\/([^/]+)$/.exec(pathname)
    if (itemMatch) {
      const item = registry.get(itemMatch[1] ?? '')
      if (!item) return json(res, 404, { error: 'HEARTH_E_UNKNOWN_ITEM', message: `no library item with id ${itemMatch[1]}` })
      return json(res, 200, toCatalogItem(item, catalogContext(req)))
    }
    const shareMatch = /^\/api\/share\/([^/]+)$/.exec(pathname)
    if (shareMatch) {
      const { status, body } = shareLink(shareMatch[1] ?? '', { access, registry, origin: requestOrigin(req, config.host, config.port), trackerUrl: config.trackerUrl, webSeed: config.webSeed })
      return json(res, status, body)
    }
    if (pathname === '/api/status') return json(res, 200, deps.status())
    return json(res, 404, { error: 'HEARTH_E_NOT_FOUND', message: `no API endpoint ${pathname}` })
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch(err => {
      log.error('http.handler_failed', { method: req.method, url: req.url, error: err instanceof Error ? err.message : String(err) })
      if (!res.headersSent) json(res, 500, { error: 'HEARTH_E_INTERNAL', message: 'internal error, see the seed node log' })
      else res.destroy()
    })
  })
  server.on('upgrade', (req, socket, head) => {
    const pathname = new URL(req.url ?? '/', 'http://seed-node.invalid').pathname
    if (!/^\/announce(\/|$)/.test(pathname)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
      return
    }
    tracker.handleUpgrade(req, socket, head)
  })
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
  })
  return server
}

/** Listens, turning "port in use" into an error that names the port. */
export async function listen (server: http.Server, host: string, port: number): Promise<number> {
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
