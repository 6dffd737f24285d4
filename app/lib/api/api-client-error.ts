/**
 * The one error every API call of the app throws, and the one place a refusal becomes a
 * sentence for the user. The seed node explains its refusals (`ApiErrorBody`: `{ error:
 * 'HEARTH_E_…', message }`); those are kept, code and message, so "already in the queue" or
 * "disk full" reach the user as said. Statuses about this device's membership (401, 403)
 * and a missing endpoint (404 without a specific code) get our own sentences, written here once.
 */
import { ApiErrorBody, type ApiErrorCode } from '../../../protocol/api/api-error.ts'

/** Failures the client itself detects; an HTTP status without an explanation becomes `HEARTH_E_HTTP_<status>`. */
export type ClientErrorCode = 'HEARTH_E_NETWORK' | 'HEARTH_E_BAD_REPLY' | `HEARTH_E_HTTP_${number}`

/**
 * Ours, a known seed-node code, or a code from a newer seed node (any `HEARTH_E_` string:
 * `ApiErrorBody` accepts those so its message still reaches the user).
 */
export type ApiClientErrorCode = ClientErrorCode | ApiErrorCode | `HEARTH_E_${string}`

export class ApiClientError extends Error {
  /**
   * `status` is the HTTP status of a refusal, null when no reply came (or it was unusable):
   * pairing tells "the home server refused this key" (401/403) from "it could not be asked".
   */
  constructor (readonly code: ApiClientErrorCode, message: string, readonly status: number | null = null) {
    super(message)
    this.name = 'ApiClientError'
  }
}

/**
 * What the user was trying to do, for the sentences that differ per call: `action` completes
 * "so it cannot …" (401), `feature` completes "does not offer …" (404 from an older seed node).
 * Without it the sentences are the general ones.
 */
export interface ApiPurpose {
  readonly action: string
  readonly feature: string
}

export const NETWORK_MESSAGE = 'The home server could not be reached. Check that it is running and that you are on the home network.'
const FORBIDDEN_MESSAGE = 'The home server refused this device: it was paired with another household, or this address is banned for a while after wrong credentials.'

/** The 401 sentence: also thrown, without asking the network, when this device holds no library key. */
export function notPairedMessage (purpose?: ApiPurpose): string {
  return purpose === undefined
    ? 'This device is not paired with the household yet.'
    : `This device is not paired with the household, so it cannot ${purpose.action}.`
}

/** The error for a reply that is not 2xx; `body` is the parsed JSON body, or null. */
export function refusalError (response: { status: number, statusText: string }, body: unknown, purpose?: ApiPurpose): ApiClientError {
  const parsed = ApiErrorBody.safeParse(body)
  const explained = parsed.success ? parsed.data : null
  // `ApiErrorBody` checked the `HEARTH_E_` prefix; zod types a regex-checked string as plain `string`.
  const code: ApiClientErrorCode = explained !== null ? explained.error as `HEARTH_E_${string}` : `HEARTH_E_HTTP_${response.status}`
  const refusal = (message: string): ApiClientError => new ApiClientError(code, message, response.status)
  if (response.status === 401) return refusal(notPairedMessage(purpose))
  if (response.status === 403) return refusal(FORBIDDEN_MESSAGE)
  // A generic 404 (no such route) means a seed node from before this feature.
  const missingEndpoint = response.status === 404 && (explained === null || explained.error === 'HEARTH_E_NOT_FOUND')
  if (missingEndpoint && purpose !== undefined) return refusal(`This home server does not offer ${purpose.feature}; update the seed node.`)
  if (explained !== null) return refusal(asSentence(explained.message))
  return refusal(`The home server answered ${response.status} ${response.statusText}.`)
}

export function badReplyError (detail: string): ApiClientError {
  return new ApiClientError('HEARTH_E_BAD_REPLY', `The home server sent an unexpected reply (${detail}).`)
}

/**
 * Server messages are lower-case fragments ("the body is not valid JSON"): show them as a
 * sentence. A first word that is not a plain word (an infohash, a file name) is left as is.
 */
export function asSentence (text: string): string {
  const trimmed = text.trim()
  const capital = /^[a-z]+\b(?![.\-_/])/.test(trimmed) ? trimmed.charAt(0).toUpperCase() + trimmed.slice(1) : trimmed
  return /[.!?]$/.test(capital) ? capital : `${capital}.`
}

/** The message to show for any error from an API call (or anything else thrown beside one). */
export function apiErrorMessage (err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
