/**
 * This machine's likeliest LAN address, for `--domain-address lan` when the caller gives none:
 * the first IPv4 address of a private range (RFC 1918) on an interface that is up, else the
 * first non-loopback IPv4 address, else null.
 */
import os from 'node:os'

const PRIVATE_V4 = [/^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./]

export function likeliestLanAddress (interfaces = os.networkInterfaces()): string | null {
  const v4 = Object.values(interfaces).flatMap(entries => entries ?? [])
    .filter(entry => entry.family === 'IPv4' && !entry.internal)
    .map(entry => entry.address)
  return v4.find(address => PRIVATE_V4.some(range => range.test(address))) ?? v4[0] ?? null
}
