/**
 * `openAcmeSource`: the certificate for the household's own domain, by ACME DNS-01.
 *
 * At start: the kept certificate is served if it is for the domain and not yet due for
 * renewal; otherwise one is ordered. If that order fails, a kept certificate that has not
 * expired is served anyway (warning() and the log say why), and without one the start fails
 * with a one-line HearthError naming the cause (DNS provider, hook, ACME server, domain).
 * Each order first points the domain at the LAN address (`--domain-address`), best effort.
 */
import { readFile } from 'node:fs/promises'
import acme from 'acme-client'
import type { SeedNodeConfig } from '../../config.ts'
import type { Logger } from '../../lib/log.ts'
import { errnoCode, HearthError } from '../../lib/errors.ts'
import { combinedPem, type AcmeCertificate } from './acme-certificate.ts'
import { AcmeCertificateSource, type AcmeSource } from './acme-certificate-source.ts'
import { ACME_HTTP_RETRIES, configureAcmeClient } from './acme-client-settings.ts'
import { parseDomain, parseDomainAddress, type DomainAddress } from './acme-domain.ts'
import { orderCertificate } from './acme-order.ts'
import { AcmeState } from './acme-state.ts'
import { systemClock, type Clock } from './clock.ts'
import type { DnsProvider } from './dns-provider.ts'
import { chooseDnsProvider } from './dns-provider-choice.ts'
import { DNS_TOKEN_ENV, settleDnsToken } from './dns-token-file.ts'
import net from 'node:net'
import { lanAddresses } from '../lan-addresses.ts'
import { renewalDueAtMs } from './renewal-schedule.ts'

export type { AcmeSource } from './acme-certificate-source.ts'

/** The options the ACME source reads (a SeedNodeConfig will do). `domain` must be set. */
export type AcmeConfig = Pick<SeedNodeConfig, 'domain' | 'dnsProvider' | 'dnsHook' | 'dnsTokenFile' | 'domainAddress' |
'acmeDirectoryUrl' | 'acmeEmail' | 'dnsPropagationWaitSec' | 'acmeCaFile' | 'acmeRenew'>

export interface AcmeDeps {
  /** The seed node's state folder; the source keeps its files in `<stateDir>/acme/`. */
  stateDir: string
  log: Logger
  /** This machine's LAN address for `--domain-address lan`; default: the first private IPv4 address. */
  lanAddress?: () => string | null
  /** Default: the system clock. Tests move time and fire timers themselves. */
  clock?: Clock
  /** Tests: a local stand-in for https://www.duckdns.org. */
  duckDnsBaseUrl?: string
  /** Resolvers to watch the TXT record at (`127.0.0.1:8053`); default: the system's. */
  dnsServers?: readonly string[]
  /** Retries of an ACME request that got no answer (default 2, 5 s apart; tests: 0). */
  acmeHttpRetries?: number
}

async function readCaFile (file: string): Promise<string> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    throw new HearthError('HEARTH_E_BAD_OPTION', `--acme-ca-file cannot be read (${errnoCode(err) ?? String(err)}): ${file}`)
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) throw new HearthError('HEARTH_E_BAD_OPTION', `--acme-ca-file holds no PEM certificate: ${file}`)
  return text
}

/** Points the domain at its address before an order; a failure is a warning (the user may keep DNS by hand). */
async function pointDomain (provider: DnsProvider, domain: string, address: DomainAddress, deps: AcmeDeps): Promise<void> {
  if (address.kind === 'off') return
  const ip = address.kind === 'ip' ? address.ip : (deps.lanAddress ?? likeliestLanIPv4)()
  if (ip === null) { deps.log.warn('acme.no-lan-address', { domain, note: 'give --domain-address <ip>' }); return }
  try {
    await provider.setAddress(domain, ip)
    deps.log.info('acme.address-set', { domain, ip, provider: provider.name })
  } catch (err) {
    deps.log.warn('acme.address-not-set', { domain, ip, error: err instanceof Error ? err.message : String(err) })
  }
}

/** Checks the options and the state folder, and returns the renewal that orders, keeps and returns a certificate. */
async function prepare (config: AcmeConfig, deps: AcmeDeps, clock: Clock): Promise<{ domain: string, state: AcmeState, renew: () => Promise<AcmeCertificate> }> {
  const { log } = deps
  if (config.domain === null) throw new HearthError('HEARTH_E_BAD_OPTION', 'ACME needs --domain')
  const domain = parseDomain(config.domain)
  const address = parseDomainAddress(config.domainAddress)
  const state = await AcmeState.open(deps.stateDir)
  const token = await settleDnsToken({ folder: state.folder, tokenFile: config.dnsTokenFile, fromEnv: process.env[DNS_TOKEN_ENV], log })
  const provider = await chooseDnsProvider({ config, domain, token, log, ...(deps.duckDnsBaseUrl === undefined ? {} : { duckDnsBaseUrl: deps.duckDnsBaseUrl }) })
  const extraCaPem = config.acmeCaFile === null ? null : await readCaFile(config.acmeCaFile)
  configureAcmeClient({ extraCaPem, httpRetries: deps.acmeHttpRetries ?? ACME_HTTP_RETRIES, log })
  const account = { directoryUrl: config.acmeDirectoryUrl ?? acme.directory.letsencrypt.production, accountKeyPem: await state.accountKey(log), email: config.acmeEmail }
  const txtWait = { servers: deps.dnsServers ?? null, maxWaitMs: config.dnsPropagationWaitSec * 1000, clock, log }
  const renew = async (): Promise<AcmeCertificate> => {
    const startedMs = Date.now()
    log.info('acme.ordering', { domain, server: account.directoryUrl })
    await pointDomain(provider, domain, address, deps)
    const cert = await orderCertificate(account, domain, { provider, txtWait }, log)
    await state.keepCertificate(combinedPem(cert))
    log.info('acme.certificate-obtained', { domain, serial: cert.serial, expiresAt: cert.serving.expiresAt.toISOString(), tookMs: Date.now() - startedMs })
    return cert
  }
  return { domain, state, renew }
}

/**
 * Opens the ACME certificate source for `config.domain`. Resolves once a certificate is in
 * service; rejects with a one-line HearthError when none can be (no kept one, and the order failed).
 */
export async function openAcmeSource (config: AcmeConfig, deps: AcmeDeps): Promise<AcmeSource> {
  const clock = deps.clock ?? systemClock
  const { domain, state, renew } = await prepare(config, deps, clock)
  const kept = await state.certificate(domain, deps.log)
  const usable = kept !== null && kept.serving.expiresAt.getTime() > clock.now()
  const fresh = usable && !config.acmeRenew && clock.now() < renewalDueAtMs({ validFrom: kept.validFrom, validTo: kept.serving.expiresAt })
  if (fresh) {
    deps.log.info('acme.certificate-kept', { domain, serial: kept.serial, expiresAt: kept.serving.expiresAt.toISOString() })
    const source = new AcmeCertificateSource(kept, renew, clock, deps.log)
    source.start()
    return source
  }
  let ordered: AcmeCertificate
  try {
    ordered = await renew()
  } catch (err) {
    if (!usable) throw err
    deps.log.warn('acme.serving-kept-certificate', { domain, expiresAt: kept.serving.expiresAt.toISOString() })
    const source = new AcmeCertificateSource(kept, renew, clock, deps.log)
    source.start(err)
    return source
  }
  const source = new AcmeCertificateSource(ordered, renew, clock, deps.log)
  source.start()
  return source
}

/** The likeliest LAN address that an A record can hold (DuckDNS's `ip=` is IPv4). */
function likeliestLanIPv4 (): string | null {
  return lanAddresses().find(address => net.isIPv4(address)) ?? null
}
