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
  | 'sw-request' | 'sw-request-2' | 'sw-request-3' | 'wire-webSeed' | 'wire-webrtc' | 'byte-webSeed' | 'byte-webrtc'
  | 'piece-verified' | 'pieces-4' | 'pieces-16'
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
  // The first piece, and the 4th and 16th (1 and 4 MiB at 256 KiB pieces): how fast the start flows.
  let verified = 0
  const onVerified = (): void => {
    verified++
    if (verified === 1) markStreamStep('piece-verified', infoHash)
    if (verified === 4) markStreamStep('pieces-4', infoHash)
    if (verified === 16) {
      markStreamStep('pieces-16', infoHash)
      torrent.removeListener('verified', onVerified)
    }
  }
  torrent.on('verified', onVerified)
}

/** The first three stream requests the service worker passes on for a torrent (a seek or an index at the end adds one each). */
const streamRequests = new Map<string, number>()
export function markStreamRequest (infoHash: string): void {
  const count = (streamRequests.get(infoHash) ?? 0) + 1
  streamRequests.set(infoHash, count)
  if (count === 1) markStreamStep('sw-request', infoHash)
  else if (count === 2) markStreamStep('sw-request-2', infoHash)
  else if (count === 3) markStreamStep('sw-request-3', infoHash)
}
