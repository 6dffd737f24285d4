/**
 * Asks the home server for a browser edition of an item (protocol/api/editions.ts). The
 * server answers once the first segments are ready; while it is still starting ffmpeg it
 * answers HEARTH_E_BUSY, and the ask is repeated a few times before giving up.
 */
import { editionPath, EditionReply, type EditionRequest } from '../../../../protocol/api/editions.ts'
import { ApiClientError } from '../../../lib/api/api-client-error.ts'
import { apiClient } from '../../../lib/api/household-api-client.ts'

const MAX_ATTEMPTS = 3
const PURPOSE = { action: 'prepare a compatible copy', feature: 'compatible copies (browser editions)' }

export async function requestEdition (itemId: string, request: EditionRequest, signal: AbortSignal): Promise<EditionReply> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await apiClient.request({ path: editionPath(itemId), method: 'POST', body: request, reply: EditionReply, purpose: PURPOSE, signal })
    } catch (err) {
      const retry = err instanceof ApiClientError && err.code === 'HEARTH_E_BUSY' && attempt < MAX_ATTEMPTS && !signal.aborted
      if (!retry) throw err
    }
  }
}
