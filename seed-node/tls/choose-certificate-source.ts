/**
 * Which certificate the HTTPS server serves, in the order a user would expect: files they
 * brought (`--tls-cert`/`--tls-key`) win; else ACME for the household's own domain (when a
 * domain is configured); else the household CA made on first start. Every source is checked
 * at start, so a problem is one line naming its cause, before the port opens.
 */
import type { SeedNodeConfig } from '../config.ts'
import type { CertificateSource, CertificateSourceDeps } from './certificate-source.ts'
import { CertificateFiles } from './certificate-files.ts'
import type { HouseholdCa } from './household-ca.ts'
import { hostNames } from './lan-addresses.ts'

/** The household domain (`--domain`), which turns ACME on; null without one. */
export function acmeDomain (config: Pick<SeedNodeConfig, 'domain'>): string | null {
  return config.domain !== null && config.domain !== '' ? config.domain : null
}

/** Names the household CA's server certificate always covers. */
export function fixedNames (config: Pick<SeedNodeConfig, 'publicUrl'>, hostname: string): string[] {
  const names = ['localhost', '127.0.0.1', '::1', ...hostNames(hostname)]
  if (config.publicUrl !== null) names.push(new URL(config.publicUrl).hostname.replace(/^\[|\]$/g, ''))
  return [...new Set(names)]
}

export async function certificateSourceFor (config: SeedNodeConfig, deps: CertificateSourceDeps): Promise<CertificateSource> {
  if (config.tlsCert !== null && config.tlsKey !== null) {
    return await CertificateFiles.open({ certFile: config.tlsCert, keyFile: config.tlsKey, log: deps.log })
  }
  if (acmeDomain(config) !== null) {
    // The name points at the same LAN address the links name first. The ACME client (with its
    // X.509 and HTTP libraries, ~1 MB of code) loads only here.
    const { openAcmeSource } = await import('./acme/open-acme-source.ts')
    return await openAcmeSource(config, { stateDir: config.stateDir, log: deps.log, lanAddress: () => deps.lanAddresses()[0] ?? null })
  }
  // Loaded only when needed: the X.509 library costs a few hundred ms at start.
  const { HouseholdCaSource } = await import('./household-ca-source.ts')
  return await HouseholdCaSource.open({
    stateDir: config.stateDir,
    log: deps.log,
    fixedNames: fixedNames(config, deps.hostname),
    lanAddresses: deps.lanAddresses,
    hostname: deps.hostname
  })
}

/** The household CA behind `source`, when it is the household CA source. */
export function householdCaOf (source: CertificateSource | null): HouseholdCa | null {
  if (source === null || source.mode !== 'household-ca' || !('ca' in source)) return null
  // HouseholdCaSource is the one source of mode household-ca, and its `ca` is a HouseholdCa.
  return (source as CertificateSource & { ca: HouseholdCa }).ca
}
