/**
 * The one place a failure becomes an HTTP answer: an `ApiError` is answered with its status
 * and `{ error, message }`; a bad magnet (protocol's `MagnetError`) is HEARTH_E_BAD_MAGNET;
 * anything else is a bug or an I/O failure, logged with the request and answered as a 500
 * HEARTH_E_INTERNAL that says no more (the log has the details). A failure after the
 * headers went out can only cut the connection.
 */
import type { ServerResponse } from 'node:http'
import { ApiError, errorBody } from '../../protocol/api/api-error.ts'
import { MagnetError } from '../../protocol/magnet/parse-magnet.ts'
import type { Logger } from '../lib/log.ts'
import { sendJson } from './answer.ts'
import { loggablePath } from './request.ts'

/** The refusal `err` stands for, or null for an unexpected failure. */
export function asApiError (err: unknown): ApiError | null {
  if (err instanceof ApiError) return err
  if (err instanceof MagnetError) return new ApiError('HEARTH_E_BAD_MAGNET', err.message)
  return null
}

export function sendError (res: ServerResponse, err: unknown, log: Logger, where: { method?: string, url?: string }): void {
  const refusal = asApiError(err)
  if (refusal === null) {
    log.error('http.handler_failed', { method: where.method, url: loggablePath(where.url), error: err instanceof Error ? err.message : String(err) })
  }
  if (res.headersSent) {
    res.destroy()
    return
  }
  const answer = refusal ?? new ApiError('HEARTH_E_INTERNAL', 'internal error, see the seed node log')
  sendJson(res, answer.status, errorBody(answer.code, answer.message))
}
