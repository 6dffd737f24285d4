/**
 * How other devices reach this seed node (`GET /api/reach`, the CLI's pairing links and QR
 * code): the origins a link may name, likeliest first, and where the certificate comes from.
 *   1. `--public-url` (a name of the user's, or a reverse proxy in front)
 *   2. the household domain (ACME)
 *   3. every LAN address of the machine (private IPv4 first), as https://address:port
 * Never 127.0.0.1 when another device could connect; only when listening on loopback alone,
 * where plain http://127.0.0.1 is what works (browsers treat it as a secure context).
 */
import type { ReachReply, TlsMode } from '../../protocol/api/reach.ts'
import type { CertificateSource } from './certificate-source.ts'
import type { HouseholdCa } from './household-ca.ts'
import { isLoopbackHost, isWildcardHost, urlHost } from './lan-addresses.ts'

export interface ReachFacts {
  host: string
  port: number
  /** The port speaks HTTPS. */
  tls: boolean
  publicUrl: string | null
  /** The household domain, when ACME gets its certificates. */
  domain: string | null
  trustProxy: readonly string[]
  source: CertificateSource | null
  /** The household CA, when it issues the certificate in service. */
  ca: HouseholdCa | null
  lanAddresses: () => string[]
}

function origin (scheme: 'http' | 'https', host: string, port: number): string {
  const defaultPort = scheme === 'https' ? 443 : 80
  return `${scheme}://${urlHost(host)}${port === defaultPort ? '' : `:${port}`}`
}

/** The addresses a device on the network can open, likeliest first; at least one. */
export function reachOrigins (facts: ReachFacts): string[] {
  if (facts.publicUrl !== null) return [facts.publicUrl]
  const scheme = facts.tls ? 'https' : 'http'
  if (facts.domain !== null) return [origin(scheme, facts.domain, facts.port)]
  if (isLoopbackHost(facts.host)) return [origin(scheme, facts.host === 'localhost' ? '127.0.0.1' : facts.host, facts.port)]
  if (!isWildcardHost(facts.host)) return [origin(scheme, facts.host, facts.port)]
  const addresses = facts.lanAddresses()
  // No network at all (a machine just booted, cable out): this machine is all that can connect.
  return addresses.length > 0 ? addresses.map(address => origin(scheme, address, facts.port)) : [origin(scheme, '127.0.0.1', facts.port)]
}

/**
 * Links name `--public-url` and a trusted proxy is in front: devices meet the proxy's
 * certificate, never ours (the node may still speak HTTPS on its own port, to the proxy and
 * the LAN), so telling them to install the household CA would be wrong.
 */
function behindProxy (facts: ReachFacts): boolean {
  return facts.publicUrl !== null && facts.trustProxy.length > 0
}

function tlsMode (facts: ReachFacts): TlsMode {
  if (behindProxy(facts)) return 'proxy'
  if (facts.source !== null) return facts.source.mode
  return facts.trustProxy.length > 0 ? 'proxy' : 'off'
}

/** The onboarding page over plain HTTP at the likeliest LAN origin, when the household CA is in service. */
export function onboardingUrl (facts: ReachFacts): string | null {
  if (facts.ca === null || facts.source?.mode !== 'household-ca' || behindProxy(facts)) return null
  const first = reachOrigins({ ...facts, publicUrl: null, domain: null })[0]
  return first === undefined ? null : `${first.replace(/^https:/, 'http:')}/onboarding`
}

export function describeReach (facts: ReachFacts): ReachReply {
  const mode = tlsMode(facts)
  const serving = mode === 'proxy' ? null : facts.source?.current() ?? null
  return {
    origins: reachOrigins(facts),
    tls: {
      mode,
      expiresAt: serving?.expiresAt.toISOString() ?? null,
      warning: mode === 'proxy' ? null : facts.source?.warning() ?? null,
      caFingerprint: mode === 'household-ca' ? facts.ca?.fingerprint ?? null : null
    },
    onboardingUrl: onboardingUrl(facts)
  }
}
