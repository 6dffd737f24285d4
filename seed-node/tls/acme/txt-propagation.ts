/**
 * Waiting for the challenge's TXT record to show in DNS before the ACME server is asked to
 * look: a CA that looks too early fails the order, and Let's Encrypt counts failed orders.
 * The record is polled at a resolver (the system's, or given servers) until it holds the value
 * or the wait (`--dns-wait`) is over; then the order goes on anyway (a resolver behind split
 * DNS may never show it, while the CA, asking the domain's own servers, will see it).
 */
import { Resolver } from 'node:dns/promises'
import type { Logger } from '../../lib/log.ts'
import type { Clock } from './clock.ts'

/** Between two looks. DuckDNS and most APIs publish within seconds. */
export const TXT_POLL_INTERVAL_MS = 5 * 1000
/** One look at the resolver: c-ares timeout per try, and tries. */
const QUERY_TIMEOUT_MS = 5 * 1000
const QUERY_TRIES = 2

export interface TxtWait {
  /** Resolver addresses (`127.0.0.1:8053`); null for the system's. */
  servers: readonly string[] | null
  maxWaitMs: number
  clock: Clock
  log: Logger
}

async function holdsValue (resolver: Resolver, fqdn: string, value: string): Promise<boolean> {
  try {
    // A TXT record comes in chunks of at most 255 characters: join them back.
    return (await resolver.resolveTxt(fqdn)).some(chunks => chunks.join('') === value)
  } catch {
    return false // NXDOMAIN, no data yet, or a resolver timeout: look again
  }
}

/** Resolves true once the record holds `value`, false when the wait is over first (logged). */
export async function waitForTxt (fqdn: string, value: string, { servers, maxWaitMs, clock, log }: TxtWait): Promise<boolean> {
  if (maxWaitMs <= 0) return false
  const resolver = new Resolver({ timeout: QUERY_TIMEOUT_MS, tries: QUERY_TRIES })
  if (servers !== null) resolver.setServers(servers)
  const deadline = clock.now() + maxWaitMs
  try {
    for (;;) {
      if (await holdsValue(resolver, fqdn, value)) {
        log.debug('acme.txt-seen', { fqdn })
        return true
      }
      const left = deadline - clock.now()
      if (left <= 0) break
      await new Promise<void>(resolve => { clock.setTimer(Math.min(TXT_POLL_INTERVAL_MS, left), resolve) })
    }
  } finally {
    resolver.cancel()
  }
  log.warn('acme.txt-not-seen', { fqdn, waitedSec: Math.round(maxWaitMs / 1000), note: 'asking the ACME server to check anyway' })
  return false
}
