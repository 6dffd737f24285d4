/**
 * `GET /api/share/<infohash>`: a magnet link a friend can use for that one torrent. Its
 * tracker (and, for library items, web seed) URL carries a share token admitting that
 * infohash only, never the household credential. Shared: the Share dialog asks it for a
 * library item, drop-to-share for a file this tab seeds.
 */
import { shareLinkPath } from '../../../protocol/api/api-paths.ts'
import { ShareLinkReply } from '../../../protocol/api/share.ts'
import { ApiClientError } from '../api/api-client-error.ts'
import { apiClient } from '../api/household-api-client.ts'
import { currentCredential } from '../household/household-credential.ts'
import { SHARE_PURPOSE } from './share-purpose.ts'

export async function getShareLink (infoHash: string, signal?: AbortSignal): Promise<ShareLinkReply> {
  const link = await apiClient.request({ path: shareLinkPath(infoHash), reply: ShareLinkReply, purpose: SHARE_PURPOSE, signal })
  // Belt and braces: a link shown for sharing must never hand out the house key.
  const credential = await currentCredential()
  if (credential !== null && link.magnet.includes(credential)) {
    throw new ApiClientError('HEARTH_E_BAD_REPLY', 'The home server returned a share link holding the household credential; it is not shown.')
  }
  return link
}
