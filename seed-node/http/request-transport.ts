/**
 * How a request reached us, decided once per request by the port listener: over TLS or not,
 * from this machine or another, directly or through a reverse proxy the user trusts
 * (`--trust-proxy`). Only a trusted proxy's X-Forwarded-Proto, -Host and -For are believed;
 * from anyone else they are ignored, so a spoofed X-Forwarded-For cannot move a ban onto
 * another address. Routes, the access gate and the tracker read the outcome here
 * (`transportOf`), never the headers themselves.
 */
import type { IncomingMessage } from 'node:http'
import net from 'node:net'
import type { TLSSocket } from 'node:tls'
import { remoteAddress } from '../../tracker/tracker-server.ts'
import { normalizeAddress } from '../lib/peer-address.ts'
import { isLoopbackHost } from '../tls/lan-addresses.ts'

/** A plain host[:port] (name, IPv4 or bracketed IPv6); anything else in a Host header is ignored. */
export const HOST_PATTERN = /^(?:[a-z0-9.-]{1,253}|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/i
/** Hops read from X-Forwarded-For, right to left: a bound on work for a hostile header. */
const MAX_FORWARDED_HOPS = 16

export interface RequestTransport {
  /** The browser's connection is encrypted: TLS to us, or HTTPS to a trusted proxy. */
  secure: boolean
  /** The address bans and limits count: the client behind a trusted proxy, else the peer. */
  clientAddress: string
  /** The host[:port] the client asked for (X-Forwarded-Host from a trusted proxy, else Host), when well-formed. */
  host: string | undefined
  /** The peer is a proxy named by `--trust-proxy`. */
  viaTrustedProxy: boolean
  /** The peer is this machine (loopback, or one of its own addresses): the seed node's own announces, a local browser. */
  local: boolean
}

const decided = new WeakMap<IncomingMessage, RequestTransport>()

function firstValue (req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  const text = Array.isArray(value) ? value[0] : value
  return text?.split(',')[0]?.trim()
}

/** An X-Forwarded-For entry as an address ("1.2.3.4", "1.2.3.4:5678", "[::1]:80", "::1"), or null. */
function forwardedAddress (entry: string): string | null {
  const bare = entry.trim().replace(/^\[([^\]]+)\](?::\d+)?$/, '$1').replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1')
  return net.isIP(bare) === 0 ? null : normalizeAddress(bare)
}

/** The client behind the trusted proxies: the rightmost X-Forwarded-For hop that is not one of them. */
function clientBehind (req: IncomingMessage, peer: string, trusted: ReadonlySet<string>): string {
  const header = req.headers['x-forwarded-for']
  const hops = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').slice(-MAX_FORWARDED_HOPS)
  for (const hop of hops.reverse()) {
    const address = forwardedAddress(hop)
    if (address === null) return peer // a hop we cannot read: trust nothing further left
    if (!trusted.has(address)) return address
  }
  return peer
}

function isEncrypted (req: IncomingMessage): boolean {
  return (req.socket as Partial<TLSSocket>).encrypted === true
}

function isLocalPeer (req: IncomingMessage, peer: string): boolean {
  const local = normalizeAddress(req.socket.localAddress ?? '')
  return isLoopbackHost(peer) || peer === local
}

/** Decides, remembers and returns how `req` reached us. */
export function decideTransport (req: IncomingMessage, trustedProxies: ReadonlySet<string>): RequestTransport {
  const peer = remoteAddress(req)
  const viaTrustedProxy = trustedProxies.has(peer)
  const host = viaTrustedProxy ? firstValue(req, 'x-forwarded-host') ?? req.headers.host : req.headers.host
  const proto = viaTrustedProxy ? firstValue(req, 'x-forwarded-proto')?.toLowerCase() : undefined
  const transport: RequestTransport = {
    secure: isEncrypted(req) || proto === 'https',
    clientAddress: viaTrustedProxy ? clientBehind(req, peer, trustedProxies) : peer,
    host: host !== undefined && HOST_PATTERN.test(host) ? host : undefined,
    viaTrustedProxy,
    local: isLocalPeer(req, peer)
  }
  decided.set(req, transport)
  return transport
}

/** How `req` reached us; a request the port listener did not see is taken at face value (no proxy trusted). */
export function transportOf (req: IncomingMessage): RequestTransport {
  return decided.get(req) ?? decideTransport(req, new Set())
}

/** The address bans count for `req` (the tracker's `clientAddress`, the access gate's). */
export function clientAddressOf (req: IncomingMessage): string {
  return transportOf(req).clientAddress
}
