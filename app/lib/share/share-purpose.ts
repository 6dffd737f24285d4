/** What the share calls are for, in the API client's "not paired" and "does not offer" sentences. */
import type { ApiPurpose } from '../api/api-client-error.ts'

export const SHARE_PURPOSE: ApiPurpose = { action: 'make share links', feature: 'sharing' }
