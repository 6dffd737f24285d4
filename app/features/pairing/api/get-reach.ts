/** `GET /api/reach`: the addresses other devices can reach this home server at, and its TLS state. */
import { API_PATHS } from '../../../../protocol/api/api-paths.ts'
import { ReachReply } from '../../../../protocol/api/reach.ts'
import { apiClient } from '../../../lib/api/household-api-client.ts'

export async function getReach (signal: AbortSignal): Promise<ReachReply> {
  return await apiClient.request({
    path: API_PATHS.reach,
    reply: ReachReply,
    purpose: { action: 'list the addresses other devices can reach', feature: 'the addresses other devices can reach' },
    signal
  })
}
