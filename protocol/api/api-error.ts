/**
 * Every error code that crosses HTTP between the seed node and its callers, with the status
 * it is answered with, and the `{ error, message }` body that carries it. The seed node
 * throws `ApiError` from a handler and its router answers it; the app's API client reads the
 * same body back, so a refusal ("already in the queue", "disk full") reaches the user as
 * the seed node said it. Pure: no DOM, no Node.
 */
import { z } from 'zod'

/** Code → HTTP status. The one table: add a code here, never as a bare string elsewhere. */
export const API_ERROR_STATUS = {
  /** A request that is not what the endpoint takes (bad JSON, unknown field, bad query). */
  HEARTH_E_BAD_REQUEST: 400,
  HEARTH_E_BAD_INFOHASH: 400,
  HEARTH_E_BAD_MAGNET: 400,
  HEARTH_E_BAD_TORRENT: 400,
  /** A torrent whose file names would escape their folder (`..`, absolute, NUL, reserved). */
  HEARTH_E_UNSAFE_PATH: 400,
  /** No credential presented: the device is not paired. Not counted towards a ban. */
  HEARTH_E_UNAUTHENTICATED: 401,
  /** A wrong credential, a share token used beyond its item, or a banned address. */
  HEARTH_E_FORBIDDEN: 403,
  HEARTH_E_NOT_FOUND: 404,
  HEARTH_E_UNKNOWN_ITEM: 404,
  HEARTH_E_UNKNOWN_DOWNLOAD: 404,
  HEARTH_E_WEB_SEED_OFF: 404,
  HEARTH_E_METHOD_NOT_ALLOWED: 405,
  HEARTH_E_DOWNLOAD_EXISTS: 409,
  /** Browser editions are turned off (`--editions off`), or need ffmpeg, which this machine lacks. */
  HEARTH_E_EDITIONS_OFF: 409,
  /** Video conversion was asked for without `--transcode-video`. */
  HEARTH_E_TRANSCODE_OFF: 409,
  HEARTH_E_BODY_TOO_LARGE: 413,
  /** A Host header that names another server (DNS rebinding, a stray proxy): never served. */
  HEARTH_E_MISDIRECTED: 421,
  /** Plain HTTP from another device while the seed node speaks HTTPS: credentials never cross the LAN in clear. */
  HEARTH_E_HTTPS_REQUIRED: 426,
  HEARTH_E_INTERNAL: 500,
  HEARTH_E_DOWNLOAD_FAILED: 500,
  /** ffmpeg could not make the edition (a damaged file, most often); the message says why. */
  HEARTH_E_EDITION_FAILED: 500,
  /** ffmpeg could not extract a subtitle stream from the media file; the message says why. */
  HEARTH_E_SUBTITLE_FAILED: 500,
  /** A part of the seed node is still loading (the download queue at start-up). */
  HEARTH_E_STARTING: 503,
  /** Out of file descriptors or connections for the moment: refused, logged, try again soon. */
  HEARTH_E_BUSY: 503,
  /** The item's file cannot be read right now (disk unplugged). */
  HEARTH_E_ITEM_OFFLINE: 503,
  HEARTH_E_DISK_FULL: 507
} as const satisfies Record<`HEARTH_E_${string}`, number>

export type ApiErrorCode = keyof typeof API_ERROR_STATUS
export type ApiErrorStatus = typeof API_ERROR_STATUS[ApiErrorCode]

export function isApiErrorCode (value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && Object.hasOwn(API_ERROR_STATUS, value)
}

/** A refusal with a stable code; its HTTP status follows from the code. */
export class ApiError extends Error {
  readonly status: ApiErrorStatus
  constructor (readonly code: ApiErrorCode, message: string) {
    super(message)
    this.name = 'ApiError'
    this.status = API_ERROR_STATUS[code]
  }
}

/** Longest message a body carries; longer ones are cut by the sender. */
export const MAX_ERROR_MESSAGE_CHARS = 500

/**
 * The body of every JSON refusal. `error` is read as any `HEARTH_E_` code so an older app
 * still shows a newer seed node's message; `isApiErrorCode` tells the known ones apart.
 */
export const ApiErrorBody = z.object({
  error: z.string().regex(/^HEARTH_E_[A-Z0-9_]{1,60}$/),
  message: z.string().min(1).max(MAX_ERROR_MESSAGE_CHARS)
})
export type ApiErrorBody = z.infer<typeof ApiErrorBody>

export function errorBody (code: ApiErrorCode, message: string): ApiErrorBody {
  return { error: code, message: message.slice(0, MAX_ERROR_MESSAGE_CHARS) }
}
