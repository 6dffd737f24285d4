/**
 * Sharing one item with a friend: `GET /api/share/<infohash>` gives a magnet link whose
 * tracker and web-seed URLs carry a share token for that item alone (any infohash, so a
 * file a device is seeding can be shared too); `POST /api/share/rotate` ("Stop sharing")
 * kills every share link given out so far.
 */
import type { ServerResponse } from 'node:http'
import { InfoHash } from '../../protocol/catalog.ts'
import { announcePath } from '../../tracker/tracker-server.ts'
import type { HouseholdAccess } from '../access/household-access.ts'
import type { LibraryRegistry } from '../library/library-registry.ts'
import { buildMagnet } from '../../protocol/magnet-link.ts'
import { webSeedUrlFor } from '../library/catalog-builder.ts'
import type { Logger } from '../lib/log.ts'

export type JsonReply = (res: ServerResponse, status: number, body: unknown) => void

export function shareLink (infoHashText: string, deps: { access: HouseholdAccess, registry: LibraryRegistry, origin: { http: string, ws: string }, trackerUrl: string | null, webSeed: boolean }): { status: number, body: unknown } {
  const parsed = InfoHash.safeParse(infoHashText)
  if (!parsed.success) return { status: 400, body: { error: 'HEARTH_E_BAD_INFOHASH', message: 'an infohash is 40 lowercase hex characters' } }
  const infoHash = parsed.data
  const token = deps.access.shareToken(infoHash)
  const item = deps.registry.get(infoHash)
  const magnet = buildMagnet({
    infoHash,
    displayName: item?.title ?? infoHash,
    trackerUrl: deps.trackerUrl ?? `${deps.origin.ws}${announcePath(token)}`,
    classicTrackerUrl: deps.trackerUrl === null ? `${deps.origin.http}${announcePath(token)}` : null,
    webSeedUrl: item && deps.webSeed ? webSeedUrlFor(item, deps.origin.http, token) : null
  })
  return { status: 200, body: { infoHash, magnet, inLibrary: item !== undefined } }
}

export async function rotateShares (access: HouseholdAccess, log: Logger): Promise<{ status: number, body: unknown }> {
  await access.rotateShareSecret()
  log.warn('share.rotated', { effect: 'every share link given out so far stopped working' })
  return { status: 200, body: { rotatedAt: new Date().toISOString() } }
}
