/**
 * The door every tracker request passes, HTTP or WebSocket upgrade alike: is the path ours,
 * does the credential in the path name a principal, is the address banned.
 *
 * The credential is checked before the ban: a caller presenting the right credential is
 * never refused because of what others did from its address (a page in the owner's browser,
 * everyone behind one reverse proxy). Bans shed the load of wrong guesses; they do not
 * stop guessing, which a 256-bit credential does. A wrong credential counts towards a ban
 * unless the request may come from a third-party page (request-provenance.ts) or the host
 * says the token is no guess (`countsAsGuess`: a revoked share token); a missing one never
 * counts (a browser not yet paired is no attacker).
 */
import type { IncomingMessage } from 'node:http'
import { decideAccess, type Principal } from './access-control.ts'
import { parseTrackerPath, type TrackerEndpoint } from './announce-path.ts'
import type { BanList } from './ban-list.ts'
import { isThirdPartyRequest } from './request-provenance.ts'
import type { RefusalReason, TrackerCounters } from './tracker-stats.ts'

export type GateResult =
  | { admitted: true, endpoint: TrackerEndpoint, principal: Principal, address: string }
  | { admitted: false, status: 401 | 403 | 404, reason: string }

export interface GateDeps {
  authenticate: (token: string | null) => Principal | null
  /** Whether a refused token counts towards a ban (default: every one does). */
  countsAsGuess: (token: string) => boolean
  bans: BanList
  counters: TrackerCounters
  /** The address bans count (the client behind a trusted proxy); default the peer's. */
  clientAddress?: (req: IncomingMessage) => string
}

/** The peer's address as bans and limits key it: IPv4-mapped IPv6 written as IPv4. */
export function remoteAddress (req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '')
}

function bannedReason (until: number): string {
  return `banned after repeated wrong credentials, until ${new Date(until).toISOString()}`
}

export function passGate (req: IncomingMessage, deps: GateDeps): GateResult {
  const refuse = (reason: RefusalReason, status: 401 | 403 | 404, text: string): GateResult => {
    deps.counters.refuse(reason)
    return { admitted: false, status, reason: text }
  }
  const path = parseTrackerPath(req.url)
  if (!path) return refuse('badPath', 404, 'not a tracker path (use /announce or /announce/<token>)')
  const address = (deps.clientAddress ?? remoteAddress)(req)
  const decision = decideAccess(deps.authenticate, path.token)
  if (decision.allowed) return { admitted: true, endpoint: path.endpoint, principal: decision.principal, address }
  const ban = deps.bans.check(address)
  if (ban) return refuse('banned', 403, bannedReason(ban.until))
  if (decision.status === 401 || path.token === null) return refuse('missingCredential', 401, decision.reason)
  if (isThirdPartyRequest(req.headers) || !deps.countsAsGuess(path.token)) return refuse('notCounted', 403, decision.reason)
  const earned = deps.bans.recordFailure(address)
  if (earned) return refuse('wrongCredential', 403, `${decision.reason}; ${bannedReason(earned.until)}`)
  return refuse('wrongCredential', 403, decision.reason)
}
