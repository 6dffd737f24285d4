/**
 * fail2ban, built in: an address that fails authentication `maxRetry` times within
 * `findTimeMs` is refused for `banTimeMs`. Per address, never a global lock-out. Both maps
 * are capped (`maxTrackedAddresses`, oldest forgotten first); each ban and unban is logged.
 */
import { systemClock, type Clock } from './clock.ts'
import type { ResolvedBanOptions, TrackerLog } from './tracker-options.ts'

export interface BanStatus { banned: true, until: number }

interface Ban { until: number, cancelTimer: () => void }

const LOOPBACK_RE = /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/

export function isLoopback (address: string): boolean {
  return LOOPBACK_RE.test(address)
}

export class BanList {
  /** Failure times per address, oldest first, at most `maxRetry` each. */
  private readonly failures = new Map<string, number[]>()
  private readonly bans = new Map<string, Ban>()
  private bansIssued = 0

  /** `clock`: when failures happened and when bans end (a test passes one it moves by hand). */
  constructor (private readonly options: ResolvedBanOptions, private readonly log: TrackerLog, private readonly clock: Clock = systemClock) {}

  private now (): number {
    return this.clock.now()
  }

  /** The ban on `address`, if one is in force. */
  check (address: string): BanStatus | null {
    const ban = this.bans.get(address)
    if (!ban) return null
    if (ban.until <= this.now()) {
      this.lift(address, 'expired')
      return null
    }
    return { banned: true, until: ban.until }
  }

  /** Records a failed authentication; returns the ban it earned, if it earned one. */
  recordFailure (address: string): BanStatus | null {
    if (this.options.exemptLoopback && isLoopback(address)) return null
    const existing = this.check(address)
    if (existing) return existing
    const now = this.now()
    const recent = (this.failures.get(address) ?? []).filter(at => at > now - this.options.findTimeMs)
    recent.push(now)
    this.failures.delete(address) // re-inserted below, so the map stays oldest-first
    if (recent.length < this.options.maxRetry) {
      this.failures.set(address, recent.slice(-this.options.maxRetry))
      this.evictOldest(this.failures, () => {})
      return null
    }
    return this.ban(address, now, recent.length)
  }

  get activeBans (): number { return this.bans.size }
  get totalBans (): number { return this.bansIssued }
  get trackedAddresses (): number { return this.failures.size + this.bans.size }

  close (): void {
    for (const ban of this.bans.values()) ban.cancelTimer()
    this.bans.clear()
    this.failures.clear()
  }

  private ban (address: string, now: number, failures: number): BanStatus {
    const until = now + this.options.banTimeMs
    // The timer lifts (and logs) the ban when it ends even if the address never comes back.
    const cancelTimer = this.clock.after(this.options.banTimeMs, () => this.lift(address, 'expired'))
    this.bans.set(address, { until, cancelTimer })
    this.bansIssued += 1
    this.log('warn', 'tracker.ban', { address, failures, findTimeMs: this.options.findTimeMs, until: new Date(until).toISOString() })
    this.evictOldest(this.bans, (evicted, ban) => {
      ban.cancelTimer()
      this.log('warn', 'tracker.unban', { address: evicted, reason: 'too many bans tracked' })
    })
    return { banned: true, until }
  }

  private lift (address: string, reason: string): void {
    const ban = this.bans.get(address)
    if (!ban) return
    ban.cancelTimer()
    this.bans.delete(address)
    this.failures.delete(address)
    this.log('info', 'tracker.unban', { address, reason })
  }

  private evictOldest<V> (map: Map<string, V>, onEvict: (address: string, value: V) => void): void {
    while (map.size > this.options.maxTrackedAddresses) {
      const oldest = map.entries().next().value
      if (!oldest) return
      map.delete(oldest[0])
      onEvict(oldest[0], oldest[1])
    }
  }
}
