/**
 * Sharing one item with a friend: `GET /api/share/<infohash>` gives a magnet link whose
 * tracker and web-seed URLs carry a share token for that item alone (any infohash, so a
 * file a device is seeding can be shared too); `POST /api/share/rotate` ("Stop sharing")
 * kills every share link given out so far.
 */
import { ApiError } from '../../../protocol/api/api-error.ts'
import { API_PATHS } from '../../../protocol/api/api-paths.ts'
import type { ShareLinkReply, ShareRotateReply } from '../../../protocol/api/share.ts'
import { InfoHash } from '../../../protocol/catalog.ts'
import { buildMagnet } from '../../../protocol/magnet/build-magnet.ts'
import { webSeedUrlFor } from '../../library/catalog-builder.ts'
import { jsonAnswer } from '../answer.ts'
import type { HttpServerDeps } from '../http-server-deps.ts'
import type { HearthRequest } from '../request.ts'
import { requestOrigin, trackersFor } from '../request-origin.ts'
import type { Route } from '../router.ts'

type ShareDeps = Pick<HttpServerDeps, 'access' | 'registry' | 'config' | 'log'>

export function shareLink (request: HearthRequest, infoHashText: string, deps: ShareDeps): ShareLinkReply {
  const parsed = InfoHash.safeParse(infoHashText)
  if (!parsed.success) throw new ApiError('HEARTH_E_BAD_INFOHASH', 'an infohash is 40 lowercase hex characters')
  const infoHash = parsed.data
  const token = deps.access.shareToken(infoHash)
  const item = deps.registry.get(infoHash)
  const origin = requestOrigin(request, deps.config.host, deps.config.port)
  const { trackerUrl, classicTrackerUrl } = trackersFor(origin.http, token, deps.config.trackerUrl)
  const magnet = buildMagnet({
    infoHash,
    displayName: item?.title ?? infoHash,
    trackers: classicTrackerUrl === null ? [trackerUrl] : [trackerUrl, classicTrackerUrl],
    webSeeds: item && deps.config.webSeed ? [webSeedUrlFor(item, origin.http, token)] : []
  })
  return { infoHash, magnet, inLibrary: item !== undefined }
}

export async function rotateShares (deps: ShareDeps): Promise<ShareRotateReply> {
  await deps.access.rotateShareSecret()
  deps.log.warn('share.rotated', { effect: 'every share link given out so far stopped working' })
  return { rotatedAt: new Date().toISOString() }
}

export function shareRoutes (deps: ShareDeps): Route[] {
  return [
    // Before the share-link pattern, which `rotate` also matches (as a bad infohash).
    { method: 'POST', path: new RegExp(`^${API_PATHS.shareRotate}$`), handle: async () => jsonAnswer(await rotateShares(deps)) },
    { method: 'GET', path: /^\/api\/share\/([^/]+)$/, handle: (request, [infoHash = '']) => jsonAnswer(shareLink(request, infoHash, deps)) }
  ]
}
