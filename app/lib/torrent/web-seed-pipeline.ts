/**
 * A web seed's requests in flight from its first request. WebTorrent sizes how many
 * whole-piece HTTP requests a web seed keeps in flight from the wire's measured speed over a
 * 5-second window, `1 + ⌈0.5 s × speed / piece length⌉` capped by `maxWebConns` (4). A new
 * web seed has no speed, so a stream started with one request at a time and deepened only as
 * the meter filled; on a LAN each request's round trip, not the bandwidth, is what limits, so
 * the first pieces of a film came one round trip each. Reporting at least the speed that
 * gives four requests keeps the pipeline deep from the start. WebTorrent reads the speed for
 * nothing else that matters here: it ranks wires (one slower than 48 KB/s leaves pieces to
 * faster ones) and never chokes a web seed.
 *
 * The same floor for a WebRTC wire to a seeder (64 blocks, what the seed node's send queue
 * holds) was tried and measured slower: a warm wire then reserved the first pieces' blocks
 * and delivered them at the data channel's pace, so the stream's first pieces waited on it
 * (bench/README.md, "Issue 14, first frame"). Peer wires keep WebTorrent's own sizing.
 */
import type { WebTorrentTorrent, WebTorrentWire } from 'webtorrent/dist/webtorrent.min.js'

/** WebTorrent's default `maxWebConns`; Chromium opens at most 6 HTTP/1.1 connections per host, and the app needs the rest. */
export const WEB_SEED_REQUESTS = 4
/** WebTorrent's PIPELINE_MIN_DURATION, seconds: below this many seconds of requests a wire is topped up. */
const PIPELINE_MIN_SECONDS = 0.5

/** A speed (bytes/s) at which WebTorrent keeps `requests` whole-piece requests in flight on a web seed. Pure. */
export function webSeedSpeedFor (requests: number, pieceLength: number): number {
  return (requests - 1) * pieceLength / PIPELINE_MIN_SECONDS
}

export function startWebSeedsDeep (torrent: WebTorrentTorrent): void {
  const deepen = (wire: WebTorrentWire): void => {
    if (wire.type !== 'webSeed') return
    const measured = wire.downloadSpeed
    // Called with a byte count to record, without to read: both go to the real meter.
    wire.downloadSpeed = (delta?: number) => Math.max(measured(delta), webSeedSpeedFor(WEB_SEED_REQUESTS, torrent.pieceLength))
  }
  for (const wire of torrent.wires) deepen(wire)
  torrent.on('wire', deepen)
}
