/**
 * Whether the port speaks HTTPS, and with which certificate: `--https auto` (the default)
 * turns it on whenever the node listens beyond loopback, since browsers give service
 * workers and WebCrypto only to secure contexts and plain http://127.0.0.1 is one while
 * http://192.168.1.10 is not. `on` serves HTTPS on loopback too; `off` never (a trusted
 * wired network, or a TLS-terminating proxy on another machine), with a warning.
 */
import net from 'node:net'
import os from 'node:os'
import type { ReachReply } from '../../protocol/api/reach.ts'
import type { SeedNodeConfig } from '../config.ts'
import type { Logger } from '../lib/log.ts'
import type { CertificateSource, CertificateSourceDeps } from './certificate-source.ts'
import { acmeDomain, certificateSourceFor, householdCaOf } from './choose-certificate-source.ts'
import type { HouseholdCa } from './household-ca.ts'
import { isLoopbackHost, isWildcardHost, lanAddresses } from './lan-addresses.ts'
import { describeReach, type ReachFacts } from './reach.ts'

export interface TlsSetup {
  /** The certificate in service; null when the port speaks plain HTTP only. */
  source: CertificateSource | null
  /** The household CA, when it issues the certificate (the onboarding page offers it). */
  ca: HouseholdCa | null
  /** How other devices reach the node on `port`. */
  facts: (port: number) => ReachFacts
  reach: (port: number) => ReachReply
}

export function servesTls (config: Pick<SeedNodeConfig, 'https' | 'host'>): boolean {
  if (config.https === 'auto') return !isLoopbackHost(config.host)
  return config.https === 'on'
}

/** Opens the certificate source (one line naming the cause if it cannot start); the caller closes it. */
export async function openTls (config: SeedNodeConfig, log: Logger, deps: Partial<CertificateSourceDeps> = {}): Promise<TlsSetup> {
  const machine = deps.lanAddresses ?? (() => lanAddresses())
  // A specific address to listen on is one devices use, whatever interface holds it.
  const listened = isWildcardHost(config.host) || isLoopbackHost(config.host) || net.isIP(config.host) === 0 ? [] : [config.host]
  const sourceDeps: CertificateSourceDeps = { log, lanAddresses: () => [...new Set([...listened, ...machine()])], hostname: deps.hostname ?? os.hostname() }
  const source = servesTls(config) ? await certificateSourceFor(config, sourceDeps) : null
  if (source === null && !isLoopbackHost(config.host)) {
    log.warn('tls.off', { host: config.host, why: 'other devices get plain HTTP: no service worker, no WebCrypto, credentials in clear on the network' })
  }
  const ca = householdCaOf(source)
  const facts = (port: number): ReachFacts => ({
    host: config.host,
    port,
    tls: source !== null,
    publicUrl: config.publicUrl,
    domain: acmeDomain(config),
    trustProxy: config.trustProxy,
    source,
    ca,
    lanAddresses: sourceDeps.lanAddresses
  })
  return { source, ca, facts, reach: port => describeReach(facts(port)) }
}
