/**
 * Asks the home server whether it accepts the credential a candidate library key derives to,
 * before the key is stored: `GET /api/status` (household only, small, present on every seed
 * node) through the app's one API client, carrying the candidate's credential instead of the
 * stored one. Only 401/403 mean "not this household"; anything else says nothing about the key.
 */
import { z } from 'zod'
import { API_PATHS } from '../../../protocol/api/api-paths.ts'
import { ApiClientError, apiErrorMessage } from '../api/api-client-error.ts'
import { createApiClient } from '../api/api-client.ts'
import { credentialFor } from './household-credential.ts'
import type { Verdict } from './pairing-decision.ts'

const REFUSED_STATUSES: ReadonlySet<number> = new Set([401, 403])

export async function verifyLibraryKey (libraryKey: string): Promise<Verdict> {
  const client = createApiClient({ credential: async () => await credentialFor(libraryKey) })
  try {
    // Only the status matters: the reply's shape is the status endpoint's business.
    await client.request({ path: API_PATHS.status, reply: z.unknown() })
    return { kind: 'accepted' }
  } catch (err) {
    if (err instanceof ApiClientError && err.status !== null && REFUSED_STATUSES.has(err.status)) return { kind: 'refused' }
    console.warn('[hearth] the home server could not confirm a pairing link', err)
    return { kind: 'unknown', detail: apiErrorMessage(err).replace(/\.$/, '') }
  }
}
