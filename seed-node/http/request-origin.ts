/**
 * The origin a caller used to reach us (`https://192.168.1.10:8787`), so that magnet links,
 * tracker and web-seed URLs work from the phone on the LAN as well as from localhost: the
 * Host header (X-Forwarded-Host from a trusted proxy), and https/wss when the caller's
 * connection is encrypted (TLS to us, or X-Forwarded-Proto: https from a trusted proxy), so
 * an https page never meets mixed content. A Host header that is not a plain host[:port] is
 * ignored. (How the request reached us is decided once: request-transport.ts.)
 */
import { announceUrls, webSocketOrigin } from '../../protocol/announce-url.ts'
import { urlHost } from '../tls/lan-addresses.ts'
import type { HearthRequest } from './request.ts'
import { transportOf } from './request-transport.ts'

export interface CallerOrigin { http: string, ws: string }

export function requestOrigin (request: HearthRequest, fallbackHost: string, fallbackPort: number): CallerOrigin {
  const transport = transportOf(request.raw)
  const host = transport.host ?? `${urlHost(fallbackHost)}:${fallbackPort}`
  const http = `${transport.secure ? 'https' : 'http'}://${host}`
  return { http, ws: webSocketOrigin(http) }
}

/** The trackers a magnet for this caller names: ours over WebSocket (browsers) and HTTP (classic clients), or the external one. */
export interface CallerTrackers {
  trackerUrl: string
  /** Null with an external tracker (`--tracker`): it has no classic twin we know of. */
  classicTrackerUrl: string | null
}

export function trackersFor (httpOrigin: string, token: string, externalTrackerUrl: string | null): CallerTrackers {
  if (externalTrackerUrl !== null) return { trackerUrl: externalTrackerUrl, classicTrackerUrl: null }
  const urls = announceUrls(httpOrigin, token)
  return { trackerUrl: urls.webSocket, classicTrackerUrl: urls.http }
}
