/**
 * The app's one HTTP client for the seed node's `/api/*` (bulletproof-react's
 * `lib/api-client.ts`). Every call:
 * - carries the household credential (`Authorization: Bearer`), taken from the one source
 *   the client is made with (`lib/household`), so no caller handles it; with no library key
 *   the call fails at once with the 401 sentence, without asking the network;
 * - gives up after one timeout policy: `API_TIMEOUT_MS`, or `UPLOAD_TIMEOUT_MS` for calls
 *   that send a file;
 * - parses the reply with the endpoint's zod schema from `protocol/api` (or `protocol/catalog`);
 * - fails only with an `ApiClientError` (`api-client-error.ts`), or with the caller's own
 *   abort when the caller aborted.
 *
 *   caller ──(path, schema, purpose)──▶ apiClient.request ──fetch──▶ seed node
 *          ◀──── typed reply │ ApiClientError(code, sentence) ◀──────┘
 */
import type { z } from 'zod'
import { ApiClientError, NETWORK_MESSAGE, badReplyError, notPairedMessage, refusalError, type ApiPurpose } from './api-client-error.ts'

/** A seed node on the LAN answers in milliseconds; a slow Pi or a tunnel gets some slack. */
export const API_TIMEOUT_MS = 15 * 1000
/** Calls that send a file (a 4 MiB .torrent as base64) on slow Wi-Fi get twice that. */
export const UPLOAD_TIMEOUT_MS = 30 * 1000

export interface ApiRequest<T> {
  /** A path from `protocol/api/api-paths.ts`, with its query string if any. */
  readonly path: string
  readonly method?: 'GET' | 'POST' | 'DELETE'
  /** Sent as JSON. */
  readonly body?: unknown
  /** The reply's schema; the caller receives only values that passed it. */
  readonly reply: z.ZodType<T>
  /** What the user was doing, for the "not paired" and "does not offer" sentences. */
  readonly purpose?: ApiPurpose
  /** `upload` for calls that send a file. Default `default`. */
  readonly timeout?: 'default' | 'upload'
  readonly signal?: AbortSignal
}

/** What `requestIfChanged` answers when the server says the caller's copy is current (304). */
export const NOT_MODIFIED = Symbol('not modified')

export interface ApiClient {
  request: <T>(request: ApiRequest<T>) => Promise<T>
  /** `request` with `If-None-Match: etag`: `NOT_MODIFIED` when the server answers 304. */
  requestIfChanged: <T>(request: ApiRequest<T>, etag: string) => Promise<T | typeof NOT_MODIFIED>
}

export interface ApiClientOptions {
  /** This device's household credential, or null when it is not paired. */
  readonly credential: () => Promise<string | null>
  /** Prefix of every path; '' (the page's own origin) in the app, a loopback URL in tests. */
  readonly origin?: string
}

export function createApiClient ({ credential, origin = '' }: ApiClientOptions): ApiClient {
  async function request<T> (call: ApiRequest<T>): Promise<T> {
    const bearer = await credential()
    if (bearer === null) throw new ApiClientError('HEARTH_E_UNAUTHENTICATED', notPairedMessage(call.purpose))
    return await parseReply(call, await send(`${origin}${call.path}`, call, bearer))
  }
  async function requestIfChanged<T> (call: ApiRequest<T>, etag: string): Promise<T | typeof NOT_MODIFIED> {
    const bearer = await credential()
    if (bearer === null) throw new ApiClientError('HEARTH_E_UNAUTHENTICATED', notPairedMessage(call.purpose))
    const response = await send(`${origin}${call.path}`, call, bearer, { 'if-none-match': etag })
    if (response.status === 304) return NOT_MODIFIED
    return await parseReply(call, response)
  }
  return { request, requestIfChanged }
}

async function parseReply<T> (call: ApiRequest<T>, response: Response): Promise<T> {
  const body = await readJson(response)
  // An abort while the body was read is the caller's (or the timeout's), not a bad reply.
  if (!body.ok && call.signal?.aborted === true) throw call.signal.reason
  if (!response.ok) throw refusalError(response, body.ok ? body.value : null, call.purpose)
  if (!body.ok) throw new ApiClientError('HEARTH_E_BAD_REPLY', 'The home server sent a reply that is not JSON.')
  const parsed = call.reply.safeParse(body.value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw badReplyError(issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid')
  }
  return parsed.data
}

async function send (url: string, call: ApiRequest<unknown>, credential: string, extraHeaders: Record<string, string> = {}): Promise<Response> {
  const timeout = AbortSignal.timeout(call.timeout === 'upload' ? UPLOAD_TIMEOUT_MS : API_TIMEOUT_MS)
  const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${credential}`, ...extraHeaders }
  if (call.body !== undefined) headers['content-type'] = 'application/json'
  try {
    return await fetch(url, {
      method: call.method ?? 'GET',
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: call.signal ? AbortSignal.any([call.signal, timeout]) : timeout,
      // Queue, status and share links change under us: never answer from the HTTP cache
      // (a conditional request is then ours to make, and its 304 reaches us).
      cache: 'no-store'
    })
  } catch (err) {
    if (call.signal?.aborted === true) throw err
    throw new ApiClientError('HEARTH_E_NETWORK', NETWORK_MESSAGE)
  }
}

async function readJson (response: Response): Promise<{ ok: true, value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: await response.json() }
  } catch {
    return { ok: false }
  }
}
