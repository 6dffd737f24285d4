/**
 * Performance marks along the way from opening an item to its first frame, so the time can
 * be split into parts (bench/sections/first-frame.ts reads them with
 * `performance.getEntriesByType('mark')`; DevTools shows them in the Performance panel).
 * Each name is marked once per torrent: `hearth:<step>` with `detail` = the infohash.
 * Marking costs a few microseconds and keeps one entry per step and torrent.
 */
import type { WebTorrentTorrent } from 'webtorrent/dist/webtorrent.min.js'

export type StreamStep =
  | 'stream-start' | 'client-ready' | 'torrent-file' | 'torrent-add' | 'torrent-ready' | 'stream-attached'
  | 'sw-request' | 'wire-webSeed' | 'wire-webrtc' | 'byte-webSeed' | 'byte-webrtc' | 'piece-verified'
  | 'warm-start' | 'warm-ready'

const marked = new Set<string>()

export function markStreamStep (step: StreamStep, infoHash: string): void {
  const key = `${step}:${infoHash}`
  if (marked.has(key) || typeof performance === 'undefined' || typeof performance.mark !== 'function') return
  marked.add(key)
  performance.mark(`hearth:${step}`, { detail: infoHash })
}

/** Marks each kind of wire's connection and its first downloaded byte, and the first verified piece. */
export function markTorrentProgress (torrent: WebTorrentTorrent): void {
  const infoHash = torrent.infoHash
  const onWire = (wire: WebTorrentTorrent['wires'][number]): void => {
    const kind = wire.type === 'webSeed' ? 'webSeed' : wire.type === 'webrtc' ? 'webrtc' : null
    if (kind === null) return
    markStreamStep(`wire-${kind}`, infoHash)
    wire.once('download', () => markStreamStep(`byte-${kind}`, infoHash))
  }
  for (const wire of torrent.wires) onWire(wire)
  torrent.on('wire', onWire)
  torrent.once('verified', () => markStreamStep('piece-verified', infoHash))
}
