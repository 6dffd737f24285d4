/**
 * The DNS provider the options name (`--dns-provider duckdns|hook`), checked at start: DuckDNS
 * needs a token and a duckdns.org domain, the hook must exist and be executable.
 */
import { HearthError } from '../../lib/errors.ts'
import type { Logger } from '../../lib/log.ts'
import type { SeedNodeConfig } from '../../config.ts'
import type { DnsProvider } from './dns-provider.ts'
import { createDuckDnsProvider } from './duckdns-provider.ts'
import { checkHook, createHookDnsProvider } from './hook-dns-provider.ts'
import { DNS_TOKEN_ENV } from './dns-token-file.ts'

export interface ProviderChoice {
  config: Pick<SeedNodeConfig, 'dnsProvider' | 'dnsHook'>
  domain: string
  token: string | null
  log: Logger
  /** Tests: the stand-in for https://www.duckdns.org. */
  duckDnsBaseUrl?: string
}

export async function chooseDnsProvider ({ config, domain, token, log, duckDnsBaseUrl }: ProviderChoice): Promise<DnsProvider> {
  if (config.dnsProvider === 'hook') {
    if (config.dnsHook === null) throw new HearthError('HEARTH_E_BAD_OPTION', '--dns-provider hook needs --dns-hook <file>')
    await checkHook(config.dnsHook)
    return createHookDnsProvider({ path: config.dnsHook, token, log })
  }
  if (token === null) {
    throw new HearthError('HEARTH_E_BAD_OPTION', `DuckDNS needs its token: start once with ${DNS_TOKEN_ENV}=<token> or --dns-token-file <file> (it is then kept in the state folder)`)
  }
  return createDuckDnsProvider({ domain, token, ...(duckDnsBaseUrl === undefined ? {} : { baseUrl: duckDnsBaseUrl }) })
}
