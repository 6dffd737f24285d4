/**
 * DuckDNS through its update API (https://www.duckdns.org/spec.jsp): one GET per change,
 * answered `OK` or `KO` (KO: the token or the domain is wrong; DuckDNS says no more).
 *   TXT:      /update?domains=<sub>&token=<t>&txt=<value>
 *   clear:    /update?domains=<sub>&token=<t>&txt=<value>&clear=true
 *   address:  /update?domains=<sub>&token=<t>&ip=<ipv4>   (or &ipv6=<ipv6>)
 * DuckDNS has one TXT record per subdomain, served for every name below it too, so
 * `_acme-challenge.myhome.duckdns.org` is answered from myhome's record. The token is in the
 * URL (the API's only way), so no message here ever includes the URL.
 */
import net from 'node:net'
import { duckDnsSubdomain } from './acme-domain.ts'
import { DnsProviderError, type DnsProvider } from './dns-provider.ts'

export const DUCKDNS_API = 'https://www.duckdns.org'
/** DuckDNS answers in well under a second; a hung request must not hold an order forever. */
const REQUEST_TIMEOUT_MS = 30 * 1000
/** Longest answer body we read: the API says two letters (more with verbose=true). */
const MAX_ANSWER_CHARS = 1024

export interface DuckDnsOptions {
  domain: string
  token: string
  /** Tests: a local server standing in for https://www.duckdns.org. */
  baseUrl?: string
}

function describeCause (err: unknown): string {
  if (err instanceof Error && err.name === 'TimeoutError') return `no answer in ${REQUEST_TIMEOUT_MS / 1000} s`
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err
  if (cause instanceof Error) return 'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message
  return String(cause)
}

export function createDuckDnsProvider ({ domain, token, baseUrl = DUCKDNS_API }: DuckDnsOptions): DnsProvider {
  const subdomain = duckDnsSubdomain(domain)
  const full = `${subdomain}.duckdns.org`

  async function update (what: string, params: Record<string, string>): Promise<void> {
    const url = new URL('/update', baseUrl)
    url.search = new URLSearchParams({ domains: subdomain, token, ...params }).toString()
    let status: number
    let body: string
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), redirect: 'error' })
      status = response.status
      body = (await response.text()).slice(0, MAX_ANSWER_CHARS).trim()
    } catch (err) {
      throw new DnsProviderError(`DuckDNS cannot be reached to ${what} (${describeCause(err)})`)
    }
    if (status !== 200) throw new DnsProviderError(`DuckDNS answered HTTP ${status} to ${what}`)
    const verdict = body.split('\n')[0]?.trim()
    if (verdict === 'KO') {
      throw new DnsProviderError(`DuckDNS refused the token or the domain ${full} (answered KO to ${what}): check the token on duckdns.org and that ${full} is one of its domains`)
    }
    if (verdict !== 'OK') throw new DnsProviderError(`DuckDNS gave an unexpected answer to ${what}: ${JSON.stringify(body.slice(0, 80))}`)
  }

  return {
    name: 'DuckDNS',
    addTxt: async (_fqdn, value) => { await update('set the TXT record', { txt: value }) },
    removeTxt: async (_fqdn, value) => { await update('clear the TXT record', { txt: value, clear: 'true' }) },
    setAddress: async (_fqdn, ip) => {
      await update(`point ${full} at ${ip}`, net.isIPv6(ip) ? { ipv6: ip } : { ip })
    }
  }
}
