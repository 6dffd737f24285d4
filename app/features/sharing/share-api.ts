/**
 * The one place the sharing endpoints' failures are turned into a `ShareApiError` with a
 * stable code and a message fit for the user (as `catalog/fetch-catalog.ts` does for the
 * catalog). Every call is a household member's: `Authorization: Bearer <credential>`.
 */
import type { z } from 'zod'

/** Answers come from the home server on the LAN; allow a slow Pi some slack. */
const SHARE_API_TIMEOUT_MS = 15 * 1000

export type ShareApiErrorCode = 'HEARTH_E_SHARE_NETWORK' | 'HEARTH_E_SHARE_HTTP' | 'HEARTH_E_BAD_SHARE_REPLY'

export class ShareApiError extends Error {
  constructor (readonly code: ShareApiErrorCode, message: string) {
    super(message)
  }
}

export async function shareApiRequest<T> (path: string, init: { method: 'GET' | 'POST', credential: string, signal?: AbortSignal }, schema: z.ZodType<T>): Promise<T> {
  const timeout = AbortSignal.timeout(SHARE_API_TIMEOUT_MS)
  let response: Response
  try {
    response = await fetch(path, {
      method: init.method,
      headers: { accept: 'application/json', authorization: `Bearer ${init.credential}` },
      signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
      cache: 'no-store'
    })
  } catch (err) {
    if (init.signal?.aborted === true) throw err
    throw new ShareApiError('HEARTH_E_SHARE_NETWORK', 'The home server could not be reached. Check that it is running and that you are on the home network.')
  }
  if (!response.ok) {
    const why = response.status === 401
      ? 'This device is not paired with the household, so it cannot make share links.'
      : response.status === 403
        ? 'The home server refused this device: it was paired with another household, or this address is banned for a while after wrong credentials.'
        : response.status === 404
          ? 'This home server does not offer sharing; update the seed node.'
          : `The home server answered ${response.status} ${response.statusText}.`
    throw new ShareApiError('HEARTH_E_SHARE_HTTP', why)
  }
  let body: unknown
  try {
    body = await response.json()
  } catch {
    throw new ShareApiError('HEARTH_E_BAD_SHARE_REPLY', 'The home server sent a reply that is not JSON.')
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw new ShareApiError('HEARTH_E_BAD_SHARE_REPLY', `The home server sent an unexpected reply (${parsed.error.issues[0]?.message ?? 'invalid'}).`)
  return parsed.data
}

/** The message to show for any error from these calls. */
export function shareErrorMessage (err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
