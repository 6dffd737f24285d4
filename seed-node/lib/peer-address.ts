/**
 * The one spelling of an address that bans, per-address limits and logs key by: an
 * IPv4-mapped IPv6 address (`::ffff:192.0.2.1`, how a dual-stack socket reports an IPv4
 * peer) is written as the IPv4 address, so that one client is one key whichever socket or
 * header it came through. (tracker/request-gate.ts `remoteAddress` does the same for the
 * tracker, which may not import from seed-node.)
 */
const IPV4_MAPPED = /^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i

export function normalizeAddress (address: string): string {
  return address.replace(IPV4_MAPPED, '')
}

/** The remote address of a socket, normalized; 'unknown' when the socket no longer has one (already closed). */
export function peerAddress (socket: { readonly remoteAddress?: string | undefined }): string {
  return normalizeAddress(socket.remoteAddress ?? 'unknown')
}
