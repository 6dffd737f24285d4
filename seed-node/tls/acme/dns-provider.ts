/**
 * What the ACME source needs from whoever serves the household domain's DNS: put and take
 * away the `_acme-challenge` TXT record, and point the name at an address. Two providers:
 * DuckDNS (duckdns-provider.ts) and an executable hook for every other one
 * (hook-dns-provider.ts).
 */
export interface DnsProvider {
  /** Shown in messages: `DuckDNS`, `DNS hook /usr/local/bin/hook`. */
  readonly name: string
  addTxt (fqdn: string, value: string): Promise<void>
  removeTxt (fqdn: string, value: string): Promise<void>
  setAddress (fqdn: string, ip: string): Promise<void>
}

/** The provider refused or failed; the message is one line naming the cause. */
export class DnsProviderError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'DnsProviderError'
  }
}
