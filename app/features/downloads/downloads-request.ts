/**
 * The one place the download endpoints' failures become a `DownloadsApiError` with a stable
 * code and a message fit for the user (as `catalog/fetch-catalog.ts` does for the catalog).
 * The seed node explains its refusals (`{ error: 'HEARTH_E_…', message }`); those are kept,
 * code and message, so "already in the queue" or "disk full" reach the user as said.
 */
import type { z } from 'zod'

/** Answers come from the home server on the LAN; a 4 MiB .torrent upload on slow Wi-Fi needs some slack. */
const DOWNLOADS_API_TIMEOUT_MS = 30 * 1000

export type DownloadsClientErrorCode = 'HEARTH_E_DOWNLOADS_NETWORK' | 'HEARTH_E_DOWNLOADS_HTTP' | 'HEARTH_E_BAD_DOWNLOADS_REPLY'

export class DownloadsApiError extends Error {
  /** One of ours, or the seed node's own (`HEARTH_E_BAD_MAGNET`, `HEARTH_E_DOWNLOAD_EXISTS`, …). */
  constructor (readonly code: DownloadsClientErrorCode | (string & {}), message: string) {
    super(message)
    this.name = 'DownloadsApiError'
  }
}

export interface DownloadsRequest {
  method: 'GET' | 'POST' | 'DELETE'
  credential: string
  /** Sent as JSON. */
  body?: unknown
  signal?: AbortSignal
}

export async function downloadsRequest<T> (path: string, init: DownloadsRequest, schema: z.ZodType<T>): Promise<T> {
  const timeout = AbortSignal.timeout(DOWNLOADS_API_TIMEOUT_MS)
  const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${init.credential}` }
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(path, {
      method: init.method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
      cache: 'no-store'
    })
  } catch (err) {
    if (init.signal?.aborted === true) throw err
    throw new DownloadsApiError('HEARTH_E_DOWNLOADS_NETWORK', 'The home server could not be reached. Check that it is running and that you are on the home network.')
  }
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    if (response.ok) throw new DownloadsApiError('HEARTH_E_BAD_DOWNLOADS_REPLY', 'The home server sent a reply that is not JSON.')
  }
  if (!response.ok) throw refusal(response, body)
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw new DownloadsApiError('HEARTH_E_BAD_DOWNLOADS_REPLY', `The home server sent an unexpected reply (${parsed.error.issues[0]?.message ?? 'invalid'}).`)
  return parsed.data
}

/** The seed node's own explanation when it gave one, else a sentence about the status. */
export function refusal (response: { status: number, statusText: string }, body: unknown): DownloadsApiError {
  const explained = explanationOf(body)
  if (explained && response.status !== 401) return new DownloadsApiError(explained.code, sentence(explained.message))
  const why = response.status === 401
    ? 'This device is not paired with the household, so it cannot manage downloads.'
    : response.status === 403
      ? 'The home server refused this device: it was paired with another household, or this address is banned for a while after wrong credentials.'
      : response.status === 404
        ? 'This home server does not offer downloads; update the seed node.'
        : `The home server answered ${response.status} ${response.statusText}.`
  return new DownloadsApiError('HEARTH_E_DOWNLOADS_HTTP', why)
}

function explanationOf (body: unknown): { code: string, message: string } | null {
  if (typeof body !== 'object' || body === null) return null
  const { error, message } = body as Record<string, unknown>
  if (typeof error !== 'string' || !error.startsWith('HEARTH_E_') || typeof message !== 'string' || message === '') return null
  return { code: error, message }
}

/**
 * Server messages are lower-case fragments ("the body is not valid JSON"): show them as a
 * sentence. A first word that is not a plain word (an infohash, a file name) is left as is.
 */
function sentence (text: string): string {
  const trimmed = text.trim().slice(0, 500)
  const capital = /^[a-z]+\b(?![.\-_/])/.test(trimmed) ? trimmed.charAt(0).toUpperCase() + trimmed.slice(1) : trimmed
  return /[.!?]$/.test(capital) ? capital : `${capital}.`
}

/** The message to show for any error from these calls. */
export function downloadsErrorMessage (err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
