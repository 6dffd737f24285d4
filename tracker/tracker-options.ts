/**
 * Every option `createTracker` accepts: its doc, default and bound, in one table. Unknown
 * keys are refused with a message that names them; numbers out of bounds with a RangeError
 * that names the option. (After aquatic_ws's config: a default and a bound for each field.)
 */
import type { IncomingMessage } from 'node:http'
import type { Principal } from './access-control.ts'
import { remoteAddress } from './request-gate.ts'
import { systemClock, type Clock } from './clock.ts'

export type TrackerLog = (level: 'info' | 'warn', event: string, fields: Record<string, string | number>) => void

/** fail2ban for the tracker: an address that presents a wrong credential too often is refused for a while. */
export interface BanOptions {
  /** Wrong credentials within `findTimeMs` that earn a ban. Default 5 (fail2ban's maxretry); bounds 1 – 100. */
  maxRetry?: number
  /** The window failures are counted in. Default 10 min (fail2ban's findtime); bounds 100 ms – 24 h. */
  findTimeMs?: number
  /** How long a ban lasts. Default 10 min (fail2ban's bantime); bounds 100 ms – 7 days. */
  banTimeMs?: number
  /** Never ban loopback addresses (127.0.0.0/8, ::1). Default false. */
  exemptLoopback?: boolean
  /** Addresses remembered (failures and bans each); the oldest is forgotten past it. Default 10,000; bounds 100 – 1,000,000. */
  maxTrackedAddresses?: number
}

export interface TrackerOptions {
  /**
   * Who the caller is, from the token in `/announce/<token>` (null for a bare `/announce`).
   * Return null to refuse (401 when no token was presented, 403 for a wrong one).
   * Default: everyone is a household member.
   */
  authenticate?: (token: string | null) => Principal | null
  /**
   * Called for every admitted announce before the swarm sees it (peer id in hex), so a host
   * can wake a dormant torrent: the host joins the swarm first and then receives, and
   * answers, this peer's offers. Waited for at most BEFORE_ANNOUNCE_TIMEOUT_MS (5 s);
   * failures are ignored. Default: none.
   */
  beforeAnnounce?: (infoHash: string, peerId: string | null) => Promise<void> | void
  /** How often clients are told to re-announce (WebSocket clients: a fifth of it). Default 120 s; bounds 10 s – 1 h. */
  announceIntervalMs?: number
  /** Largest WebSocket message accepted; a larger one closes the connection (1009). Default 64 KiB (as aquatic_ws); bounds 4 KiB – 1 MiB. */
  maxMessageBytes?: number
  /** Open WebSocket connections from one address. Default 32; bounds 1 – 10,000. */
  maxConnectionsPerAddress?: number
  /** Open WebSocket connections in all. Default 10,000; bounds 1 – 1,000,000. */
  maxConnections?: number
  /** WebRTC offers relayed per announce; the rest are dropped. Default 10 (WebTorrent sends 10); bounds 1 – 82. */
  maxOffersPerAnnounce?: number
  /** Messages per second one connection may send, on average (token bucket). Default 10; bounds 1 – 10,000. */
  messagesPerSecond?: number
  /** Messages one connection may send in a burst (bucket size). Default 20; bounds 1 – 100,000. */
  messageBurst?: number
  /** A connection that sends nothing for this long is closed. Default 5 min; bounds 100 ms – 1 h. */
  idleTimeoutMs?: number
  /** How long an offer may be answered. Default 120 s (as aquatic_ws); bounds 1 s – 10 min. */
  offerTtlMs?: number
  /** Offers remembered for answer matching; the oldest is forgotten past it. Default 100,000; bounds 100 – 10,000,000. */
  maxPendingOffers?: number
  /** Swarms (infohashes) tracked at once; an announce for a new one past it is refused. Default 10,000; bounds 1 – 1,000,000. */
  maxSwarms?: number
  ban?: BanOptions
  /**
   * The address bans and per-address limits count for a request. A host behind a reverse
   * proxy it trusts passes the client's address from X-Forwarded-For; the tracker itself
   * never reads forwarding headers. Default: the peer's address (`remoteAddress`).
   */
  clientAddress?: (req: IncomingMessage) => string
  /** Where bans, unbans and warnings go. Default: nowhere. */
  log?: TrackerLog
  /** The clock bans are timed by (tests move one by hand). Default: the system clock. */
  clock?: Clock
}

export interface ResolvedBanOptions { maxRetry: number, findTimeMs: number, banTimeMs: number, exemptLoopback: boolean, maxTrackedAddresses: number }

export interface ResolvedTrackerOptions {
  authenticate: (token: string | null) => Principal | null
  beforeAnnounce: (infoHash: string, peerId: string | null) => Promise<void> | void
  clientAddress: (req: IncomingMessage) => string
  announceIntervalMs: number
  maxMessageBytes: number
  maxConnectionsPerAddress: number
  maxConnections: number
  maxOffersPerAnnounce: number
  messagesPerSecond: number
  messageBurst: number
  idleTimeoutMs: number
  offerTtlMs: number
  maxPendingOffers: number
  maxSwarms: number
  ban: ResolvedBanOptions
  log: TrackerLog
  clock: Clock
}

type NumberSpec = readonly [fallback: number, min: number, max: number]

const MINUTE_MS = 60 * 1000
const NUMBER_OPTIONS = {
  announceIntervalMs: [120 * 1000, 10 * 1000, 60 * MINUTE_MS],
  maxMessageBytes: [64 * 1024, 4 * 1024, 1024 * 1024],
  maxConnectionsPerAddress: [32, 1, 10_000],
  maxConnections: [10_000, 1, 1_000_000],
  maxOffersPerAnnounce: [10, 1, 82],
  messagesPerSecond: [10, 1, 10_000],
  messageBurst: [20, 1, 100_000],
  idleTimeoutMs: [5 * MINUTE_MS, 100, 60 * MINUTE_MS],
  offerTtlMs: [120 * 1000, 1000, 10 * MINUTE_MS],
  maxPendingOffers: [100_000, 100, 10_000_000],
  maxSwarms: [10_000, 1, 1_000_000]
} as const satisfies Record<string, NumberSpec>

const BAN_NUMBER_OPTIONS = {
  maxRetry: [5, 1, 100],
  findTimeMs: [10 * MINUTE_MS, 100, 24 * 60 * MINUTE_MS],
  banTimeMs: [10 * MINUTE_MS, 100, 7 * 24 * 60 * MINUTE_MS],
  maxTrackedAddresses: [10_000, 100, 1_000_000]
} as const satisfies Record<string, NumberSpec>

const OTHER_OPTIONS = ['authenticate', 'beforeAnnounce', 'clientAddress', 'ban', 'log', 'clock'] as const
const OTHER_BAN_OPTIONS = ['exemptLoopback'] as const

function refuseUnknownKeys (where: string, given: object, known: readonly string[]): void {
  const unknown = Object.keys(given).filter(key => !known.includes(key))
  if (unknown.length > 0) throw new TypeError(`unknown ${where} option${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (known: ${known.join(', ')})`)
}

function bounded (name: string, value: unknown, [fallback, min, max]: NumberSpec): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`tracker option ${name} must be a number between ${min} and ${max}, got ${String(value)}`)
  }
  return value
}

function resolveNumbers<K extends string> (prefix: string, given: Record<string, unknown>, specs: Record<K, NumberSpec>): Record<K, number> {
  const resolved = {} as Record<K, number>
  for (const name of Object.keys(specs) as K[]) resolved[name] = bounded(prefix + name, given[name], specs[name])
  return resolved
}

function isPlainObject (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function optionalFunction<T> (name: string, value: unknown, fallback: T): T {
  if (value === undefined) return fallback
  if (typeof value !== 'function') throw new TypeError(`tracker option ${name} must be a function`)
  return value as T
}

function resolveClock (value: unknown): Clock {
  if (value === undefined) return systemClock
  const clock = value as Partial<Clock> | null
  if (typeof clock !== 'object' || clock === null || typeof clock.now !== 'function' || typeof clock.after !== 'function') throw new TypeError('tracker option clock must have now() and after(ms, fn)')
  return clock as Clock
}

const householdForEveryone = (): Principal => ({ kind: 'household' })

export function resolveTrackerOptions (options: TrackerOptions = {}): ResolvedTrackerOptions {
  if (!isPlainObject(options)) throw new TypeError('tracker options must be an object')
  refuseUnknownKeys('tracker', options, [...Object.keys(NUMBER_OPTIONS), ...OTHER_OPTIONS])
  const ban: unknown = options.ban ?? {}
  if (!isPlainObject(ban)) throw new TypeError('tracker option ban must be an object')
  refuseUnknownKeys('tracker ban', ban, [...Object.keys(BAN_NUMBER_OPTIONS), ...OTHER_BAN_OPTIONS])
  if (ban.exemptLoopback !== undefined && typeof ban.exemptLoopback !== 'boolean') throw new TypeError('tracker option ban.exemptLoopback must be a boolean')
  const numbers = resolveNumbers('', options as Record<string, unknown>, NUMBER_OPTIONS)
  return {
    ...numbers,
    authenticate: optionalFunction('authenticate', options.authenticate, householdForEveryone),
    beforeAnnounce: optionalFunction('beforeAnnounce', options.beforeAnnounce, () => {}),
    clientAddress: optionalFunction('clientAddress', options.clientAddress, remoteAddress),
    log: optionalFunction<TrackerLog>('log', options.log, () => {}),
    clock: resolveClock(options.clock),
    ban: { ...resolveNumbers('ban.', ban, BAN_NUMBER_OPTIONS), exemptLoopback: ban.exemptLoopback ?? false }
  }
}
