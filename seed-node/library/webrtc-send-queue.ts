/**
 * A deeper send queue for the seed node's WebRTC wires. simple-peer (lite.js, used by
 * bittorrent-tracker's WebSocket client) stops taking writes while its data channel holds
 * more than 64 KiB (`MAX_BUFFERED_AMOUNT`, a module constant), and resumes on
 * `bufferedamountlow`. Into Chromium that keeps too little in flight to fill the SCTP
 * window: measured here, a 1 MiB queue gave +23% (15.6 → 19–20 MB/s into one Chromium).
 * This gives each WebRTC wire's connection a deeper queue: the same write as simple-peer's
 * `_write`, waiting above `SEND_QUEUE_HIGH_BYTES` instead of 64 KiB, and resuming once the
 * channel has drained to `SEND_QUEUE_LOW_BYTES` (by the low-water event where the channel
 * has one, else by a poll fast enough that the queue never runs dry in between).
 * Memory bound: one queue per WebRTC wire (`--max-peers` caps the wires).
 */
import type { Torrent, Wire } from 'webtorrent'

/** Writes wait once the data channel holds more than this: 32× simple-peer's 64 KiB. */
export const SEND_QUEUE_HIGH_BYTES = 2 * 1024 * 1024
/** ... and resume once it has drained to this, so it never runs dry between checks. */
export const SEND_QUEUE_LOW_BYTES = 1024 * 1024
/**
 * @roamhq/wrtc's data channel has no `bufferedamountlow` event, so simple-peer polls every
 * 150 ms; at 20 MB/s that is 3 MB drained between looks, more than the queue holds. 25 ms
 * is 0.5 MB at that rate, half of the low-water mark.
 */
const DRAIN_POLL_MS = 25

/** The parts of a simple-peer connection this touches (lite.js, @thaunknown/simple-peer 10.x). */
interface SimplePeerConnection {
  destroyed: boolean
  _connected: boolean
  _channel: { bufferedAmount: number, bufferedAmountLowThreshold?: number } | null
  _cb: ((err: Error | null) => void) | null
  _interval: NodeJS.Timeout | null
  _write: (chunk: Uint8Array, cb: (err: Error | null) => void) => void
  _onInterval: () => void
  _onChannelBufferedAmountLow: () => void
  send: (chunk: Uint8Array) => void
  destroy: (err?: Error) => void
}

interface WebTorrentPeer { type: string, wire: Wire | null, conn: unknown }

function isSimplePeer (conn: unknown): conn is SimplePeerConnection {
  return typeof conn === 'object' && conn !== null && '_channel' in conn && typeof (conn as { _write?: unknown })._write === 'function' && typeof (conn as { send?: unknown }).send === 'function'
}

/** Deepens the send queue of `wire`'s connection when it is a WebRTC one; anything else is left alone. Returns whether it did. */
export function deepenWebRtcSendQueue (torrent: Torrent, wire: Wire): boolean {
  if (wire.type !== 'webrtc') return false
  // webtorrent keeps its peers (and their connections) in `_peers`; the wire alone does not name its connection.
  const peers = (torrent as unknown as { _peers?: Map<string, WebTorrentPeer> })._peers
  if (!(peers instanceof Map)) return false
  for (const peer of peers.values()) {
    if (peer.wire === wire && isSimplePeer(peer.conn)) return deepen(peer.conn)
  }
  return false
}

function deepen (conn: SimplePeerConnection): boolean {
  const channel = conn._channel
  if (!channel) return false
  const original = conn._write.bind(conn)
  conn._write = (chunk, cb) => {
    if (conn.destroyed || !conn._connected || conn._channel === null) return original(chunk, cb)
    try {
      conn.send(chunk)
    } catch (err) {
      conn.destroy(err instanceof Error ? err : new Error(String(err)))
      return
    }
    if (conn._channel.bufferedAmount > SEND_QUEUE_HIGH_BYTES) conn._cb = cb // resumed below, or by the low-water event
    else cb(null)
  }
  conn._onInterval = () => {
    if (conn._cb === null || conn._channel === null || conn._channel.bufferedAmount > SEND_QUEUE_LOW_BYTES) return
    conn._onChannelBufferedAmountLow()
  }
  if (typeof channel.bufferedAmountLowThreshold === 'number') {
    channel.bufferedAmountLowThreshold = SEND_QUEUE_LOW_BYTES
  } else if (conn._interval !== null) {
    // simple-peer's own poll (150 ms); it clears `_interval` when the connection ends.
    clearInterval(conn._interval)
    conn._interval = setInterval(() => conn._onInterval(), DRAIN_POLL_MS)
    conn._interval.unref()
  }
  return true
}
