/**
 * Deep request pipelines from a wire's first request. WebTorrent sizes how many requests a
 * wire keeps in flight from the wire's measured speed, over a 5-second window:
 * - a web seed: `1 + ⌈0.5 s × speed / piece length⌉` whole-piece HTTP requests, capped by
 *   `maxWebConns` (4);
 * - a peer wire: `2 + ⌈0.5 s × speed / 16 KiB⌉` block requests.
 * A new wire has no speed, so a stream started with one web-seed request at a time and two
 * 16 KiB blocks on the WebRTC wire, and deepened only as the meter filled. On a LAN each
 * request's round trip, not the bandwidth, is what limits, so the first pieces of a film came
 * one round trip each, and a piece shared between the two wires waited on the slower one.
 * Reporting at least the speed that gives a deep pipeline keeps it deep from the start, for
 * the web seed and for a wire to a peer that has every piece (the seed node; its send queue
 * holds 1–2 MiB, seed-node/library/webrtc-send-queue.ts). Partial peers keep WebTorrent's
 * own sizing, so a slow phone does not hold many blocks. WebTorrent reads the speed for
 * nothing else that matters here: it ranks wires (one slower than 48 KB/s leaves pieces to
 * faster ones) and never chokes a seeder or a web seed.
 */
import type { WebTorrentTorrent, WebTorrentWire } from 'webtorrent/dist/webtorrent.min.js'

/** WebTorrent's default `maxWebConns`; Chromium opens at most 6 HTTP/1.1 connections per host, and the app needs the rest. */
export const WEB_SEED_REQUESTS = 4
/** 1 MiB of 16 KiB blocks: what the seed node's WebRTC send queue holds before it waits. */
export const SEEDER_BLOCKS = 64
const BLOCK_LENGTH = 16 * 1024
/** WebTorrent's PIPELINE_MIN_DURATION, seconds: below this many seconds of requests a wire is topped up. */
const PIPELINE_MIN_SECONDS = 0.5

/** A speed (bytes/s) at which WebTorrent keeps `requests` whole-piece requests in flight on a web seed. Pure. */
export function webSeedSpeedFor (requests: number, pieceLength: number): number {
  return (requests - 1) * pieceLength / PIPELINE_MIN_SECONDS
}

/** A speed (bytes/s) at which WebTorrent keeps `blocks` block requests in flight on a peer wire. Pure. */
export function peerSpeedFor (blocks: number): number {
  return (blocks - 2) * BLOCK_LENGTH / PIPELINE_MIN_SECONDS
}

export function startPipelinesDeep (torrent: WebTorrentTorrent): void {
  const deepen = (wire: WebTorrentWire): void => {
    const floor = wire.type === 'webSeed'
      ? () => webSeedSpeedFor(WEB_SEED_REQUESTS, torrent.pieceLength)
      : wire.type === 'webrtc' ? () => wire.isSeeder === true ? peerSpeedFor(SEEDER_BLOCKS) : 0 : null
    if (floor === null) return
    const measured = wire.downloadSpeed
    // Called with a byte count to record, without to read: both go to the real meter.
    wire.downloadSpeed = (delta?: number) => Math.max(measured(delta), floor())
  }
  for (const wire of torrent.wires) deepen(wire)
  torrent.on('wire', deepen)
}
