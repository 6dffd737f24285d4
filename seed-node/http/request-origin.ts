/**
 * The origin a caller used to reach us (`http://192.168.1.10:8787`), from its Host header,
 * so that magnet links and tracker URLs work from the phone on the LAN as well as from
 * localhost. A Host header that is not a plain host[:port] is ignored.
 */
import { announceUrls, webSocketOrigin } from '../../protocol/announce-url.ts'
import type { HearthRequest } from './request.ts'

const HOST_PATTERN = /^(?:[a-z0-9.-]{1,253}|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/i

export interface CallerOrigin { http: string, ws: string }

export function requestOrigin (request: HearthRequest, fallbackHost: string, fallbackPort: number): CallerOrigin {
  const header = request.header('host')
  const host = header !== undefined && HOST_PATTERN.test(header) ? header : `${fallbackHost}:${fallbackPort}`
  const http = `http://${host}`
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
