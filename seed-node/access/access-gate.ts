/**
 * The one place HTTP requests are checked against the household credential, sharing the
 * tracker's fail2ban list (guesses on any endpoint count towards one ban per address).
 *
 * The credential is checked first: a caller presenting the right one is never refused
 * because of what others did from its address (bans shed load; the 256-bit credential is
 * what stops guessing). Then the ban, then the failure count: a wrong credential counts,
 * unless the request may come from a third-party page (tracker/request-provenance.ts:
 * any web page can make its visitor's browser send wrong tokens) or the token is no guess
 * (a revoked share token, a valid share token used beyond its item). A missing credential
 * never counts (a browser that is simply not paired yet is no attacker). Refusals are
 * logged, with any token in the path hidden.
 */
import type { IncomingHttpHeaders } from 'node:http'
import type { HearthTracker } from '../../tracker/tracker-server.ts'
import { isThirdPartyRequest } from '../../tracker/request-provenance.ts'
import { API_ERROR_STATUS } from '../../protocol/api/api-error.ts'
import type { AccessResult } from './household-access.ts'
import type { Logger } from '../lib/log.ts'

export interface GateCaller {
  /** The caller's IP address, as bans count it. */
  remoteAddress: string
  /** The request target for the log, already stripped of tokens. */
  loggedPath: string
  /** The request's headers (where it comes from: Sec-Fetch-Site, Origin, Host). */
  raw: { headers: IncomingHttpHeaders }
}

export function gate (caller: GateCaller, bans: HearthTracker['bans'], log: Logger, check: () => AccessResult): AccessResult {
  const address = caller.remoteAddress
  const result = check()
  if (result.ok) return result
  const ban = bans.check(address)
  if (ban) {
    return { ok: false, code: 'HEARTH_E_FORBIDDEN', message: `banned after repeated wrong credentials, until ${new Date(ban.until).toISOString()}`, guess: false }
  }
  const thirdParty = isThirdPartyRequest(caller.raw.headers)
  log.warn('http.refused', { address, status: API_ERROR_STATUS[result.code], code: result.code, path: caller.loggedPath, ...(thirdParty ? { thirdParty: true } : {}) })
  if (result.guess && !thirdParty) bans.recordFailure(address)
  return result
}
