/**
 * `GET /api/share/<infohash>`: a magnet link a friend can use for that one torrent. Its
 * tracker (and, for library items, web seed) URL carries a share token admitting that
 * infohash only, never the household credential.
 */
import { z } from 'zod'
import { InfoHash } from '../../../protocol/catalog.ts'
import { shareApiRequest } from './share-api.ts'

export const ShareLink = z.object({
  infoHash: InfoHash,
  magnet: z.string().startsWith('magnet:?'),
  inLibrary: z.boolean()
})
export type ShareLink = z.infer<typeof ShareLink>

export async function fetchShareLink (infoHash: string, credential: string, signal?: AbortSignal): Promise<ShareLink> {
  const link = await shareApiRequest(`/api/share/${encodeURIComponent(infoHash)}`, { method: 'GET', credential, signal }, ShareLink)
  // Belt and braces: a link shown for sharing must never hand out the house key.
  if (link.magnet.includes(credential)) throw new Error('HEARTH_E_SHARE_LEAK: the home server returned a share link holding the household credential; it is not shown.')
  return link
}
