/** `GET /api/live`: the home server's live channels and their state. */
import { API_PATHS } from '../../../../protocol/api/api-paths.ts'
import { LiveListReply, type LiveChannel } from '../../../../protocol/api/live.ts'
import { apiClient } from '../../../lib/api/household-api-client.ts'

const PURPOSE = { action: 'show live channels', feature: 'live channels' } as const

export async function getLiveChannels (signal?: AbortSignal): Promise<LiveChannel[]> {
  const reply = await apiClient.request({ path: API_PATHS.live, reply: LiveListReply, purpose: PURPOSE, ...(signal === undefined ? {} : { signal }) })
  return reply.channels
}
