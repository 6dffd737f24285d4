/**
 * The embedded tracker's endpoints, passed through untouched: HTTP announces and scrapes of
 * classic clients (`/announce[/<token>]`, `/scrape[/<token>]`, any method: the tracker
 * answers in bencode, as BitTorrent clients expect) and WebSocket upgrades of browsers
 * (`/announce[/<token>]` only). The tracker checks the token itself (tracker/access-control.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import type { HearthTracker } from '../../../tracker/tracker-server.ts'
import type { HearthRequest } from '../request.ts'

const TRACKER_PATH = /^\/(announce|scrape)(\/|$)/
const ANNOUNCE_PATH = /^\/announce(\/|$)/

export function isTrackerPath (request: HearthRequest): boolean {
  return TRACKER_PATH.test(request.pathname)
}

export function passToTracker (tracker: HearthTracker, req: IncomingMessage, res: ServerResponse): void {
  tracker.handleHttp(req, res)
}

/** A WebSocket upgrade: the tracker's when aimed at `/announce…`, else refused with 404. */
export function upgradeToTracker (tracker: HearthTracker, request: HearthRequest | null, socket: Duplex, head: Buffer): void {
  if (request === null || !ANNOUNCE_PATH.test(request.pathname)) {
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
    return
  }
  tracker.handleUpgrade(request.raw, socket, head)
}
