/**
 * `GET /api/catalog` (streamed, paged with `?offset=&limit=`, compressed, with an ETag from the
 * registry's revision), `GET /api/catalog?since=<revision>` (only what changed) and `GET /api/catalog/<id>`,
 * with magnets naming the tracker and web seed as the caller reached us.
 */
import { ApiError } from '../../../protocol/api/api-error.ts'
import { API_PATHS } from '../../../protocol/api/api-paths.ts'
import { toCatalogItem, type CatalogContext } from '../../library/catalog-builder.ts'
import { jsonAnswer, streamAnswer } from '../answer.ts'
import { parseCatalogPage, streamCatalog } from '../catalog-stream.ts'
import { sendCatalogSince } from '../catalog-delta-answer.ts'
import { currentRevision } from '../catalog-revision.ts'
import { CatalogRevision } from '../../../protocol/catalog.ts'
import type { HttpServerDeps } from '../http-server-deps.ts'
import type { HearthRequest } from '../request.ts'
import { requestOrigin, trackersFor } from '../request-origin.ts'
import type { Route } from '../router.ts'

/** The household's view of the catalog: its credential rides in every tracker and web-seed URL. */
export function catalogContext (request: HearthRequest, deps: Pick<HttpServerDeps, 'config' | 'access' | 'editions' | 'artwork' | 'registry'>): CatalogContext {
  const { config, access, editions, artwork, registry } = deps
  const origin = requestOrigin(request, config.host, config.port)
  return {
    libraryName: config.libraryName,
    publicOrigin: origin.http,
    ...trackersFor(origin.http, access.credential, config.trackerUrl),
    webSeed: config.webSeed,
    token: access.credential,
    editions: { support: editions.support(), transcodeVideo: editions.transcodeVideo, transcodeSpeed: (width, height) => editions.transcodeSpeed(width, height) },
    frameThumbnails: artwork.makesFrames,
    ownerId: relativePath => registry.byRelativePath(relativePath)?.stored.infoHash
  }
}

export function catalogRoutes (deps: HttpServerDeps): Route[] {
  const { registry } = deps
  return [
    {
      method: 'GET',
      path: new RegExp(`^${API_PATHS.catalog}$`),
      handle: request => {
        const page = parseCatalogPage(request.searchParams)
        if ('error' in page) throw new ApiError('HEARTH_E_BAD_REQUEST', page.error)
        const since = request.searchParams.get('since')
        const context = catalogContext(request, deps)
        const headers = { acceptEncoding: request.header('accept-encoding'), ifNoneMatch: request.header('if-none-match') }
        const headOnly = request.method === 'HEAD'
        if (since !== null) {
          const parsed = CatalogRevision.safeParse(since)
          if (!parsed.success) throw new ApiError('HEARTH_E_BAD_REQUEST', `since must be a catalog revision (letters, digits, dots, dashes; at most 120), got ${since.slice(0, 40)}`)
          if (page.offset !== 0 || page.limit !== null) throw new ApiError('HEARTH_E_BAD_REQUEST', 'since cannot be combined with offset or limit')
          return streamAnswer(async res => await sendCatalogSince(res, registry, context, parsed.data, headOnly, headers))
        }
        const revision = currentRevision(registry.changes, context)
        return streamAnswer(async res => await streamCatalog(res, registry.list(), context, page, headOnly, revision, headers))
      }
    },
    {
      method: 'GET',
      path: new RegExp(`^${API_PATHS.catalog}/([^/]+)$`),
      handle: (request, [id = '']) => {
        // A former id (an old `/watch/<id>` link) finds the item it became.
        const item = registry.resolve(id)
        if (!item) throw new ApiError('HEARTH_E_UNKNOWN_ITEM', `no library item with id ${id.slice(0, 80)}`)
        return jsonAnswer(toCatalogItem(item, catalogContext(request, deps)))
      }
    }
  ]
}
