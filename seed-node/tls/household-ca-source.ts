/**
 * Zero-configuration HTTPS: the household CA (household-ca.ts) and a server certificate it
 * signs for every name of this machine. The certificate is kept in `<state>/tls/` and reused
 * across restarts while it still covers the machine's names; it is issued again when a new
 * address appears (polled every ADDRESS_POLL_MS: DHCP, a second network, Wi-Fi and wired) and
 * RENEW_BEFORE_DAYS before it expires. A failed issue keeps the current certificate serving
 * and is reported by `warning()`.
 */
import { X509Certificate } from 'node:crypto'
import net from 'node:net'
import type { Logger } from '../lib/log.ts'
import { CertificateChangeListeners, type CertificateSource, type ServingCertificate } from './certificate-source.ts'
import { loadOrCreateHouseholdCa, type HouseholdCa } from './household-ca.ts'
import { checkPemPair } from './pem-pair.ts'
import { issueServerCertificate } from './server-certificate.ts'
import { readIfPresent, tlsPaths, writePrivateFile, writePublicFile } from './tls-files.ts'

/** How often the machine's addresses are looked at (one cheap os.networkInterfaces call). */
export const ADDRESS_POLL_MS = 15 * 1000
const MS_PER_DAY = 24 * 60 * 60 * 1000
/** A server certificate is issued again this long before it expires. */
export const RENEW_BEFORE_DAYS = 30

export interface HouseholdCaSourceOptions {
  stateDir: string
  log: Logger
  /** Names the certificate always covers: localhost, the hostname, the public URL's host. */
  fixedNames: readonly string[]
  /** The machine's LAN addresses now (lan-addresses.ts; tests pass their own). */
  lanAddresses: () => string[]
  hostname?: string
  pollIntervalMs?: number
  now?: () => Date
}

export class HouseholdCaSource implements CertificateSource {
  readonly mode = 'household-ca' as const
  private problem: string | null = null
  private readonly listeners = new CertificateChangeListeners()
  private readonly timer: NodeJS.Timeout
  private refreshing: Promise<boolean> | null = null
  private closed = false

  private constructor (readonly ca: HouseholdCa, private serving: ServingCertificate, private readonly options: HouseholdCaSourceOptions) {
    this.timer = setInterval(() => { void this.refresh() }, options.pollIntervalMs ?? ADDRESS_POLL_MS)
    this.timer.unref()
  }

  /** Loads or makes the CA, then reuses the stored server certificate or issues one. */
  static async open (options: HouseholdCaSourceOptions): Promise<HouseholdCaSource> {
    const now = options.now?.() ?? new Date()
    const { ca, created } = await loadOrCreateHouseholdCa(options.stateDir, options.hostname, now)
    if (created) options.log.info('tls.household_ca_created', { fingerprint: ca.fingerprint, file: tlsPaths(options.stateDir).caCert })
    const wanted = wantedNames(options)
    const stored = await loadStoredLeaf(options.stateDir, ca, now)
    const serving = stored !== null && stillGood(stored, wanted, now) ? stored : await issueAndStore(options, ca, wanted, now)
    return new HouseholdCaSource(ca, serving, options)
  }

  current (): ServingCertificate {
    return this.serving
  }

  warning (): string | null {
    return this.problem
  }

  onChange (listener: () => void): () => void {
    return this.listeners.add(listener)
  }

  /**
   * Issues a new certificate if the names grew or expiry is near; resolves true if it did.
   * What the timer calls; never rejects (a failure becomes the warning).
   */
  async refresh (): Promise<boolean> {
    this.refreshing ??= this.refreshOnce().finally(() => { this.refreshing = null })
    return await this.refreshing
  }

  private async refreshOnce (): Promise<boolean> {
    if (this.closed) return false
    const now = this.options.now?.() ?? new Date()
    const wanted = wantedNames(this.options)
    if (stillGood(this.serving, wanted, now)) return false
    try {
      const issued = await issueAndStore(this.options, this.ca, wanted, now)
      if (this.closed) return false
      this.serving = issued
      this.problem = null
      this.listeners.notify()
      return true
    } catch (err) {
      this.problem = `the household CA could not issue a new server certificate (${err instanceof Error ? err.message : String(err)}); the current one stays in service until ${this.serving.expiresAt.toISOString().slice(0, 10)}`
      this.options.log.warn('tls.reissue_failed', { error: err instanceof Error ? err.message : String(err) })
      return false
    }
  }

  async close (): Promise<void> {
    this.closed = true
    clearInterval(this.timer)
    await this.refreshing
  }
}

function wantedNames (options: HouseholdCaSourceOptions): string[] {
  return [...new Set([...options.fixedNames, ...options.lanAddresses()])]
}

/** One spelling per name: lower case, IPv6 compressed (a parsed certificate says 0:0:0:0:0:0:0:1 for ::1). */
function canonical (name: string): string {
  return net.isIPv6(name) ? new URL(`http://[${name}]/`).hostname : name.toLowerCase()
}

/** Covers every wanted name and is far enough from expiry. */
function stillGood (serving: ServingCertificate, wanted: readonly string[], now: Date): boolean {
  const names = new Set(serving.names.map(canonical))
  const fresh = serving.expiresAt.getTime() - now.getTime() > RENEW_BEFORE_DAYS * MS_PER_DAY
  return fresh && wanted.every(name => names.has(canonical(name)))
}

async function loadStoredLeaf (stateDir: string, ca: HouseholdCa, now: Date): Promise<ServingCertificate | null> {
  const paths = tlsPaths(stateDir)
  const [certPem, keyPem] = await Promise.all([readIfPresent(paths.serverCert), readIfPresent(paths.serverKey)])
  if (certPem === null || keyPem === null) return null
  const checked = checkPemPair(certPem, keyPem, now)
  if (!checked.ok) return null
  // A certificate from another CA (the CA was replaced) would not be trusted by devices.
  const issuedByOurs = new X509Certificate(certPem).verify(new X509Certificate(ca.certPem).publicKey)
  return issuedByOurs ? checked.certificate : null
}

async function issueAndStore (options: HouseholdCaSourceOptions, ca: HouseholdCa, names: string[], now: Date): Promise<ServingCertificate> {
  const issued = await issueServerCertificate(ca, names, now)
  const paths = tlsPaths(options.stateDir)
  await writePrivateFile(paths.serverKey, issued.keyPem)
  await writePublicFile(paths.serverCert, issued.certPem)
  options.log.info('tls.server_certificate_issued', { names: names.join(','), expires: issued.expiresAt.toISOString(), serial: issued.serialNumber })
  return issued
}
