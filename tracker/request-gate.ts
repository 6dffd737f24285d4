/**
 * The door every tracker request passes, HTTP or WebSocket upgrade alike: is the path ours,
 * is the address banned, does the credential in the path name a principal. A wrong
 * credential counts towards a ban; a missing one does not (it is not a guess).
 */
import type { IncomingMessage } from 'node:http'
import { decideAccess, type Principal } from './access-control.ts'
import { parseTrackerPath, type TrackerEndpoint } from './announce-path.ts'
import type { BanList } from './ban-list.ts'
import type { RefusalReason, TrackerCounters } from './tracker-stats.ts'

export type GateResult =
  | { admitted: true, endpoint: TrackerEndpoint, principal: Principal, address: string }
  | { admitted: false, status: 401 | 403 | 404, reason: string }

export interface GateDeps {
  authenticate: (token: string | null) => Principal | null
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
  const ban = deps.bans.check(address)
  if (ban) return refuse('banned', 403, bannedReason(ban.until))
  const decision = decideAccess(deps.authenticate, path.token)
  if (decision.allowed) return { admitted: true, endpoint: path.endpoint, principal: decision.principal, address }
  if (decision.status === 401) return refuse('missingCredential', 401, decision.reason)
  const earned = deps.bans.recordFailure(address)
  if (earned) return refuse('wrongCredential', 403, `${decision.reason}; ${bannedReason(earned.until)}`)
  return refuse('wrongCredential', 403, decision.reason)
}
