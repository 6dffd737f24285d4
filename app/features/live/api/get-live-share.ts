/** `GET /api/live/<channelId>/share`: a friend's link to one live channel (its guest page). */
import { liveSharePath } from '../../../../protocol/api/api-paths.ts'
import { LiveShareReply } from '../../../../protocol/api/live.ts'
import { ApiClientError } from '../../../lib/api/api-client-error.ts'
import { apiClient } from '../../../lib/api/household-api-client.ts'
import { currentCredential } from '../../../lib/household/household-credential.ts'

const PURPOSE = { action: 'share live channels', feature: 'sharing live channels' } as const

export async function getLiveShare (channelId: string, signal?: AbortSignal): Promise<LiveShareReply> {
  const reply = await apiClient.request({ path: liveSharePath(channelId), reply: LiveShareReply, purpose: PURPOSE, ...(signal === undefined ? {} : { signal }) })
  // A link shown for sharing must never hand out the house key (as item share links, lib/share).
  const credential = await currentCredential()
  if (credential !== null && reply.link.includes(credential)) {
    throw new ApiClientError('HEARTH_E_BAD_REPLY', 'The home server returned a channel link holding the household credential; it is not shown.')
  }
  return reply
}
