/**
 * The one place the PWA talks to `GET /api/catalog`: HTTP failures and malformed bodies become
 * a `CatalogFetchError` with a stable code and a message fit for the user.
 */
import { parseCatalog, type Catalog } from '../../../protocol/catalog.ts'

const CATALOG_URL = '/api/catalog'
/** A seed node on the LAN answers in milliseconds; give a slow Pi or a tunnel some slack. */
const CATALOG_TIMEOUT_MS = 15 * 1000

export type CatalogErrorCode = 'HEARTH_E_CATALOG_NETWORK' | 'HEARTH_E_CATALOG_HTTP' | 'HEARTH_E_BAD_CATALOG'

export class CatalogFetchError extends Error {
  constructor (readonly code: CatalogErrorCode, message: string) {
    super(message)
  }
}

/** Fetches the catalog as a household member (`credential` from `household-credential.ts`). */
export async function fetchCatalog (credential: string, signal?: AbortSignal): Promise<Catalog> {
  const timeout = AbortSignal.timeout(CATALOG_TIMEOUT_MS)
  let response: Response
  try {
    response = await fetch(CATALOG_URL, {
      headers: { accept: 'application/json', authorization: `Bearer ${credential}` },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout
    })
  } catch (err) {
    if (signal?.aborted === true) throw err
    throw new CatalogFetchError('HEARTH_E_CATALOG_NETWORK', 'The home server could not be reached. Check that it is running and that you are on the home network.')
  }
  if (!response.ok) {
    const why = response.status === 401
      ? 'This device is not paired with the household yet.'
      : response.status === 403
        ? 'The home server refused this device: it was paired with another household, or this address is banned for a while after wrong credentials.'
        : `The home server answered ${response.status} ${response.statusText}.`
    throw new CatalogFetchError('HEARTH_E_CATALOG_HTTP', why)
  }
  let body: unknown
  try {
    body = await response.json()
  } catch {
    throw new CatalogFetchError('HEARTH_E_BAD_CATALOG', 'The home server sent a catalog that is not JSON.')
  }
  try {
    return parseCatalog(body)
  } catch (err) {
    throw new CatalogFetchError('HEARTH_E_BAD_CATALOG', err instanceof Error ? err.message : String(err))
  }
}
