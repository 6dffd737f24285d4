/**
 * The one place HTTP requests are checked against the household credential: bans first
 * (shared with the tracker, so guesses on any endpoint count towards one fail2ban), then
 * the credential. A wrong credential counts as a failure; a missing one does not (a
 * browser that is simply not paired yet is no attacker), nor does a valid share token
 * used beyond its item. Refusals are logged, with any token in the path hidden.
 */
import type { HearthTracker } from '../../tracker/tracker-server.ts'
import { API_ERROR_STATUS } from '../../protocol/api/api-error.ts'
import type { AccessResult } from './household-access.ts'
import type { Logger } from '../lib/log.ts'

export interface GateCaller {
  /** The caller's IP address, as bans count it. */
  remoteAddress: string
  /** The request target for the log, already stripped of tokens. */
  loggedPath: string
}

export function gate (caller: GateCaller, bans: HearthTracker['bans'], log: Logger, check: () => AccessResult): AccessResult {
  const address = caller.remoteAddress
  const ban = bans.check(address)
  if (ban) {
    return { ok: false, code: 'HEARTH_E_FORBIDDEN', message: `banned after repeated wrong credentials, until ${new Date(ban.until).toISOString()}`, guess: false }
  }
  const result = check()
  if (!result.ok) {
    log.warn('http.refused', { address, status: API_ERROR_STATUS[result.code], code: result.code, path: caller.loggedPath })
    if (result.guess) bans.recordFailure(address)
  }
  return result
}
