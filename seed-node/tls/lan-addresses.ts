/**
 * The machine's addresses as other devices see them, likeliest first: what pairing links,
 * QR codes and the household CA's server certificate name. Private IPv4 ranges (a home LAN)
 * come first, then other IPv4 (CGNAT, Tailscale's 100.64/10, test ranges), then IPv6
 * (global and unique-local; link-local needs a zone and cannot be in a URL a phone opens).
 * Loopback never appears: a phone cannot reach 127.0.0.1.
 */
import net from 'node:net'
import os from 'node:os'

/** A LAN with more addresses than this is unusual; the rest are left out of links and certificates. */
export const MAX_LAN_ADDRESSES = 32

export type InterfaceTable = ReturnType<typeof os.networkInterfaces>

/** Rank: lower is likelier to be what a phone on the home network reaches. */
function rank (address: string): number {
  if (net.isIPv4(address)) {
    const [a = 0, b = 0] = address.split('.').map(Number)
    if (a === 192 && b === 168) return 0
    if (a === 10) return 1
    if (a === 172 && b >= 16 && b <= 31) return 2
    return 3
  }
  // Unique-local (fd00::/8) before global: a home network's own IPv6.
  return /^fd/i.test(address) ? 4 : 5
}

function usable (address: string): boolean {
  if (net.isIPv4(address)) return !address.startsWith('127.') && !address.startsWith('169.254.') && address !== '0.0.0.0'
  return net.isIPv6(address) && address !== '::1' && address !== '::' && !/^fe[89ab]/i.test(address)
}

/** Every usable non-loopback address of this machine, likeliest first, without duplicates. */
export function lanAddresses (interfaces: InterfaceTable = os.networkInterfaces()): string[] {
  const found = new Set<string>()
  for (const entries of Object.values(interfaces)) {
    for (const entry of entries ?? []) {
      if (!entry.internal && usable(entry.address)) found.add(entry.address)
    }
  }
  return [...found]
    .map((address, index) => ({ address, index }))
    .sort((x, y) => rank(x.address) - rank(y.address) || x.index - y.index)
    .map(({ address }) => address)
    .slice(0, MAX_LAN_ADDRESSES)
}

/** 127.0.0.0/8, ::1 and `localhost`: only this machine can connect. */
export function isLoopbackHost (host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').replace(/^::ffff:/i, '')
  return bare === 'localhost' || bare === '::1' || (net.isIPv4(bare) && bare.startsWith('127.'))
}

/** 0.0.0.0 and `::`: every address of the machine. */
export function isWildcardHost (host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]'
}

/** `host` as it goes in a URL: IPv6 in brackets. */
export function urlHost (host: string): string {
  return net.isIPv6(host) ? `[${host}]` : host
}

/** The machine's name, and `<name>.local` (mDNS) for a single-label name; nothing if it is no DNS name. */
export function hostNames (hostname: string = os.hostname()): string[] {
  const name = hostname.toLowerCase()
  if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/.test(name) || name === 'localhost') return []
  return name.includes('.') ? [name] : [name, `${name}.local`]
}
