/** The app's API client, carrying this device's household credential (`lib/household`). */
import { currentCredential } from '../household/household-credential.ts'
import { createApiClient } from './api-client.ts'

export const apiClient = createApiClient({ credential: currentCredential })
