/**
 * One certificate order by ACME DNS-01, through acme-client's `auto()`: account (found again
 * by its key, or made), order, the `_acme-challenge` TXT record set through the DNS provider
 * and seen in DNS, validation, finalisation with a fresh key, download of the chain.
 * Failures come out as one-line HearthErrors naming the cause: the DNS provider, or the ACME
 * server (unreachable, or what it refused and why).
 */
import acme from 'acme-client'
import type { Logger } from '../../lib/log.ts'
import { HearthError } from '../../lib/errors.ts'
import { acmeCertificate, type AcmeCertificate } from './acme-certificate.ts'
import { probeAcmeServer } from './acme-client-settings.ts'
import { DnsProviderError, type DnsProvider } from './dns-provider.ts'
import { waitForTxt, type TxtWait } from './txt-propagation.ts'

/**
 * Polling an order or a challenge: first look after 1 s, doubling up to 10 s, 12 looks in all
 * (about 80 s; Let's Encrypt validates in a few seconds). acme-client's own default starts
 * at 5 s, which made every order wait 5 s for nothing.
 */
const POLL = { backoffAttempts: 12, backoffMin: 1000, backoffMax: 10 * 1000 }

export interface AcmeAccount {
  directoryUrl: string
  accountKeyPem: string
  email: string | null
}

export interface OrderDns {
  provider: DnsProvider
  txtWait: TxtWait
}

/** TLS failures that mean "the ACME server's certificate is not trusted here". */
const UNTRUSTED_CODES = new Set(['SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID'])

/** What acme-client's HTTP layer (axios) throws: no answer (`code`), or an answer it gave up on (`response`). */
interface HttpFailure extends Error { isAxiosError: true, code?: string, response?: { status: number } }

function isHttpFailure (err: unknown): err is HttpFailure {
  return err instanceof Error && 'isAxiosError' in err && err.isAxiosError === true
}

function unreachable (directoryUrl: string, code: string): HearthError {
  const hint = UNTRUSTED_CODES.has(code) ? ': its HTTPS certificate is not trusted (--acme-ca-file)' : ''
  return new HearthError('HEARTH_E_ACME_FAILED', `ACME server ${directoryUrl} cannot be reached (${code})${hint}`)
}

/** The one-line error for a failed order. */
export async function orderError (err: unknown, directoryUrl: string, domain: string): Promise<HearthError> {
  if (err instanceof HearthError) return err
  if (err instanceof DnsProviderError) return new HearthError('HEARTH_E_DNS_PROVIDER', err.message)
  if (isHttpFailure(err) && err.response !== undefined) return new HearthError('HEARTH_E_ACME_FAILED', `ACME server ${directoryUrl} answered HTTP ${err.response.status}`)
  const probed = await probeAcmeServer(directoryUrl)
  if (probed !== null) return unreachable(directoryUrl, probed)
  const message = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim()
  return new HearthError('HEARTH_E_ACME_FAILED', `ACME server ${directoryUrl} did not issue a certificate for ${domain}: ${message}`)
}

/** Orders a certificate for `domain`; throws the one-line HearthError of `orderError`. */
export async function orderCertificate (account: AcmeAccount, domain: string, dns: OrderDns, log: Logger): Promise<AcmeCertificate> {
  const client = new acme.Client({ directoryUrl: account.directoryUrl, accountKey: account.accountKeyPem, ...POLL })
  const [keyBuffer, csr] = await acme.crypto.createCsr({ commonName: domain, altNames: [domain] }, await acme.crypto.createPrivateEcdsaKey())
  try {
    const chainPem = await client.auto({
      csr,
      email: account.email ?? undefined,
      termsOfServiceAgreed: true,
      challengePriority: ['dns-01'],
      // Our own check (txt-propagation.ts) polls with a bound; acme-client's looks once.
      skipChallengeVerification: true,
      challengeCreateFn: async (authz, challenge, keyAuthorization) => {
        if (challenge.type !== 'dns-01') throw new Error(`the ACME server offers no dns-01 challenge for ${authz.identifier.value}`)
        const fqdn = `_acme-challenge.${authz.identifier.value}`
        log.info('acme.txt-set', { fqdn, provider: dns.provider.name })
        await dns.provider.addTxt(fqdn, keyAuthorization)
        await waitForTxt(fqdn, keyAuthorization, dns.txtWait)
      },
      challengeRemoveFn: async (authz, _challenge, keyAuthorization) => {
        const fqdn = `_acme-challenge.${authz.identifier.value}`
        // acme-client swallows this one's errors; a leftover TXT record is harmless but worth a line.
        await dns.provider.removeTxt(fqdn, keyAuthorization).catch((err: unknown) => {
          log.warn('acme.txt-remove-failed', { fqdn, error: err instanceof Error ? err.message : String(err) })
        })
      }
    })
    return acmeCertificate(keyBuffer.toString(), chainPem, domain)
  } catch (err) {
    throw await orderError(err, account.directoryUrl, domain)
  }
}
