/** `POST /api/share/rotate` ("Stop sharing"): every share link given out so far stops working. */
import { API_PATHS } from '../../../../protocol/api/api-paths.ts'
import { ShareRotateReply } from '../../../../protocol/api/share.ts'
import { apiClient } from '../../../lib/api/household-api-client.ts'
import { SHARE_PURPOSE } from '../../../lib/share/share-purpose.ts'

export async function stopSharing (): Promise<ShareRotateReply> {
  return await apiClient.request({ path: API_PATHS.shareRotate, method: 'POST', reply: ShareRotateReply, purpose: SHARE_PURPOSE })
}
