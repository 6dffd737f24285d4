/**
 * The one place HTTP requests are checked against the household credential: bans first
 * (shared with the tracker, so guesses on any endpoint count towards one fail2ban), then
 * the credential. A wrong credential counts as a failure; a missing one does not (a
 * browser that is simply not paired yet is no attacker), nor does a valid share token
 * used beyond its item. Refusals are logged.
 */
import type { IncomingMessage } from 'node:http'
import { remoteAddress, type HearthTracker } from '../../tracker/tracker-server.ts'
import type { AccessResult } from './household-access.ts'
import type { Logger } from '../lib/log.ts'

export function gate (req: IncomingMessage, tracker: HearthTracker, log: Logger, check: () => AccessResult): AccessResult {
  const address = remoteAddress(req)
  const ban = tracker.bans.check(address)
  if (ban) {
    return { ok: false, status: 403, code: 'HEARTH_E_FORBIDDEN', message: `banned after repeated wrong credentials, until ${new Date(ban.until).toISOString()}`, guess: false }
  }
  const result = check()
  if (!result.ok) {
    log.warn('http.refused', { address, status: result.status, path: req.url?.replace(/\/webseed\/[^/]+/, '/webseed/<token>').slice(0, 200) })
    if (result.guess) tracker.bans.recordFailure(address)
  }
  return result
}
