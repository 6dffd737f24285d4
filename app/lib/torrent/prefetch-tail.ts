/**
 * An MP4 whose index (the `moov` atom) sits at the end cannot start until the player has read
 * it: the browser reads the first bytes, finds no index, and only then asks for the end, one
 * round trip later. Asking for the file's last `TAIL_BYTES` as soon as the torrent opens
 * fetches the end in parallel with the start, so that request finds the bytes there. For a
 * file whose index comes first this costs at most `TAIL_BYTES` of download. A WebM's seek
 * index (`Cues`) sits at the end as ffmpeg writes it, and Chromium asks for it around
 * `loadedmetadata` (the bench's 235 MB WebM: its Cues start 1.3 KB before the end).
 * Pure over its arguments but for the `select` call.
 */
import type { WebTorrentFile, WebTorrentTorrent } from 'webtorrent/dist/webtorrent.min.js'

/** Indexes of a few-hour film run to a few MB at most; the first MiB holds most of them. */
export const TAIL_BYTES = 1024 * 1024
/** Same priority as a stream's own selection, so neither waits for the other. */
const TAIL_PRIORITY = 1
const INDEX_AT_END_TYPES = /^(video\/(mp4|quicktime|x-m4v|webm)|audio\/(mp4|x-m4a|webm))$/

/** The pieces holding the last `TAIL_BYTES` of `file`, or null for a type whose index is never at the end. */
export function tailPieces (file: Pick<WebTorrentFile, 'offset' | 'length'>, pieceLength: number, mimeType: string | null): { start: number, end: number } | null {
  if (mimeType === null || !INDEX_AT_END_TYPES.test(mimeType) || file.length === 0 || pieceLength <= 0) return null
  const lastByte = file.offset + file.length - 1
  const firstByte = Math.max(file.offset, lastByte - TAIL_BYTES + 1)
  return { start: Math.floor(firstByte / pieceLength), end: Math.floor(lastByte / pieceLength) }
}

/**
 * Only with a web seed beside the wires: its parallel requests fetch the tail without
 * slowing the start, where one WebRTC wire alone would split its bandwidth between the two
 * (and the browser's own request for the end still jumps the queue as a critical piece).
 */
export function prefetchTail (torrent: WebTorrentTorrent, file: WebTorrentFile, mimeType: string | null): boolean {
  if (!torrent.wires.some(wire => wire.type === 'webSeed')) return false
  const pieces = tailPieces(file, torrent.pieceLength, mimeType)
  if (pieces === null) return false
  torrent.select(pieces.start, pieces.end, TAIL_PRIORITY)
  return true
}
