/** What the download calls are for, in the API client's "not paired" and "does not offer" sentences. */
import type { ApiPurpose } from '../../../lib/api/api-client-error.ts'

export const DOWNLOADS_PURPOSE: ApiPurpose = { action: 'manage downloads', feature: 'downloads' }
