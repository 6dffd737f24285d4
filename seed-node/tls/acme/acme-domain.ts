/**
 * The household domain and the address it should point at, checked once at start so a typo
 * is a one-line error naming the option rather than an ACME order refused minutes later.
 */
import net from 'node:net'
import { HearthError } from '../../lib/errors.ts'

/** RFC 1035 limits: 253 characters in all, 63 a label. */
const MAX_NAME_LENGTH = 253
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/

function badOption (message: string): HearthError {
  return new HearthError('HEARTH_E_BAD_OPTION', message)
}

/** Lower-cased domain, or HEARTH_E_BAD_OPTION saying what is wrong with it. */
export function parseDomain (input: string): string {
  const name = input.trim().toLowerCase().replace(/\.$/, '')
  if (net.isIP(name) !== 0) throw badOption(`--domain must be a name, not an address: ${input} (certificates from public CAs name domains)`)
  if (name.startsWith('*.')) throw badOption(`--domain must be one name, not a wildcard: ${input}`)
  const labels = name.split('.')
  if (name.length > MAX_NAME_LENGTH || labels.length < 2 || !labels.every(label => LABEL.test(label))) {
    throw badOption(`--domain is not a valid domain name: "${input}" (expected something like myhome.duckdns.org)`)
  }
  return name
}

/** What the domain's address record should be: an IP, this machine's LAN address, or left alone. */
export type DomainAddress = { kind: 'ip', ip: string } | { kind: 'lan' } | { kind: 'off' }

export function parseDomainAddress (input: string): DomainAddress {
  if (input === 'lan' || input === 'off') return { kind: input }
  if (net.isIP(input) !== 0) return { kind: 'ip', ip: input }
  throw badOption(`--domain-address must be an IP address, lan or off, got "${input}"`)
}

/** The DuckDNS subdomain of `myhome.duckdns.org` (or of `x.myhome.duckdns.org`, whose records DuckDNS serves too). */
export function duckDnsSubdomain (domain: string): string {
  const match = /(?:^|\.)([a-z0-9-]+)\.duckdns\.org$/.exec(domain)
  if (match?.[1] === undefined) throw badOption(`--dns-provider duckdns needs a --domain under duckdns.org, got ${domain} (use --dns-provider hook for other domains)`)
  return match[1]
}
