/**
 * An item's picture (poster, cover or video frame), resized for a grid (seed-node/artwork/):
 * - `GET /api/catalog/<id>/art/<key>`: the household (the `/api/` gate checks the credential);
 * - `GET /art/<token>/<id>/<key>`: a token in the path, as the web seed takes it (the
 *   household credential, or a share token for that item), so `<img src>` needs no header.
 * `<key>` changes whenever the source does (art-ref.ts), so the answer is cached immutably
 * and its ETag is the key itself.
 */
import { ApiError } from '../../../protocol/api/api-error.ts'
import { gate } from '../../access/access-gate.ts'
import type { ArtworkService } from '../../artwork/artwork-service.ts'
import type { LibraryItem } from '../../library/library-item.ts'
import { streamAnswer, type Answer } from '../answer.ts'
import type { HttpServerDeps } from '../http-server-deps.ts'
import type { HearthRequest } from '../request.ts'
import type { Route } from '../router.ts'

const KEY = '([A-Za-z0-9_-]{22})'
const API_ART_PATH = new RegExp(`^/api/catalog/([0-9a-f]{40})/art/${KEY}$`)
const TOKEN_ART_PATH = new RegExp(`^/art/([A-Za-z0-9._-]{1,200})/([0-9a-f]{40})/${KEY}$`)
const ONE_YEAR_SEC = 365 * 24 * 60 * 60

export function artApiRoutes (deps: Pick<HttpServerDeps, 'registry' | 'artwork'>): Route[] {
  return [{
    method: 'GET',
    path: API_ART_PATH,
    handle: async (request, [id = '', key = '']) => await artAnswer(request, deps.registry.resolve(id), id, key, deps.artwork)
  }]
}

export function artTokenRoutes (deps: Pick<HttpServerDeps, 'registry' | 'tracker' | 'access' | 'log' | 'artwork'>): Route[] {
  const { registry, tracker, access, log, artwork } = deps
  return [{
    method: 'GET',
    path: TOKEN_ART_PATH,
    handle: async (request, [token = '', id = '', key = '']) => {
      const item = registry.resolve(id)
      const allowed = gate(request, tracker.bans, log, () => access.checkToken(decodeURIComponent(token), item?.stored.infoHash ?? id))
      if (!allowed.ok) throw new ApiError(allowed.code, allowed.message)
      return await artAnswer(request, item, id, key, artwork)
    }
  }]
}

async function artAnswer (request: HearthRequest, item: LibraryItem | undefined, id: string, key: string, artwork: ArtworkService): Promise<Answer> {
  if (!item) throw new ApiError('HEARTH_E_UNKNOWN_ITEM', `no library item with id ${id}`)
  const { poster, seriesPoster } = item.metadata
  const ref = [poster, seriesPoster].find(candidate => candidate?.key === key)
  if (!ref) throw new ApiError('HEARTH_E_NOT_FOUND', `item ${id} has no picture ${key} (it changed since the catalog was read?)`)
  const etag = `"${key}"`
  const caching = { etag, 'cache-control': `private, max-age=${ONE_YEAR_SEC}, immutable` }
  if (request.header('if-none-match')?.split(',').some(tag => tag.trim() === etag) === true) {
    return streamAnswer(res => { res.writeHead(304, caching).end() })
  }
  if (item.availability === 'offline') throw new ApiError('HEARTH_E_ITEM_OFFLINE', 'the item\'s files cannot be read right now')
  const outcome = await artwork.picture(ref, item.confinement)
  if (!outcome.ok) throw new ApiError(outcome.reason === 'busy' ? 'HEARTH_E_BUSY' : 'HEARTH_E_NOT_FOUND', outcome.message)
  const { bytes, contentType } = outcome.picture
  return streamAnswer(res => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': String(bytes.length), 'x-content-type-options': 'nosniff', ...caching })
    res.end(request.method === 'HEAD' ? undefined : bytes)
  })
}
