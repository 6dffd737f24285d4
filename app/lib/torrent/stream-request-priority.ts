/**
 * Seek requests jump the piece queue (issue 14). Each range the `<video>` asks the service
 * worker for becomes, in WebTorrent, a stream selection at priority 1 placed after those
 * already there (the previous position's stream until the browser drops it, an MP4's tail
 * prefetch), so a seek's first pieces could wait behind them. Here, before WebTorrent's own
 * listener sees the request, the first `JUMP_BYTES` of the newest range are selected at a
 * higher priority and marked critical (a faster wire may take them over from a slower one);
 * the previous request's jump selection is dropped, so only the newest position jumps.
 */
import type { WebTorrentClient, WebTorrentFile, WebTorrentTorrent } from 'webtorrent/dist/webtorrent.min.js'
import { streamRequestInfoHash } from './stream-request-filter.ts'

/** About a second of a high-bitrate film: enough for the player to decode from the new position. */
export const JUMP_BYTES = 1024 * 1024
/** Above a stream's own selection (1) and the tail prefetch (1). */
const JUMP_PRIORITY = 2

export interface StreamRequest {
  readonly infoHash: string
  /** The file's path in the torrent, decoded. */
  readonly path: string
  /** First byte asked for (0 without a Range header). */
  readonly start: number
}

/** The torrent, file and first byte a worker stream request asks for, or null for other messages. Pure. */
export function parseStreamRequest (data: unknown): StreamRequest | null {
  const infoHash = streamRequestInfoHash(data)
  if (infoHash === null) return null
  const { url, headers } = data as { url: string, headers?: unknown }
  const rest = new URL(url).pathname.split(`/${infoHash}/`)[1]
  if (rest === undefined || rest === '') return null
  let path: string
  try {
    path = rest.split('/').map(decodeURIComponent).join('/')
  } catch {
    return null
  }
  const range = typeof headers === 'object' && headers !== null && 'range' in headers && typeof headers.range === 'string' ? headers.range : ''
  const start = /^bytes=(\d+)-/.exec(range)?.[1]
  return { infoHash, path, start: start === undefined ? 0 : Number(start) }
}

/** The pieces holding the first `JUMP_BYTES` of `file` from byte `start`, or null past its end. Pure. */
export function jumpPieces (file: Pick<WebTorrentFile, 'offset' | 'length'>, pieceLength: number, start: number): { start: number, end: number } | null {
  if (pieceLength <= 0 || start < 0 || start >= file.length) return null
  const first = file.offset + start
  const last = file.offset + Math.min(file.length, start + JUMP_BYTES) - 1
  return { start: Math.floor(first / pieceLength), end: Math.floor(last / pieceLength) }
}

/** Must run before `client.createServer`, so the jump is in place before WebTorrent's stream selection. */
export function installStreamRequestPriority (client: WebTorrentClient): void {
  const lastJump = new WeakMap<WebTorrentTorrent, { start: number, end: number }>()
  navigator.serviceWorker.addEventListener('message', event => {
    const request = parseStreamRequest(event.data)
    if (request === null) return
    const torrent = client.torrents.find(candidate => candidate.infoHash === request.infoHash)
    if (!torrent?.ready || torrent.destroyed) return
    const file = torrent.files.find(candidate => candidate.path === request.path)
    const pieces = file === undefined ? null : jumpPieces(file, torrent.pieceLength, request.start)
    if (pieces === null) return
    const previous = lastJump.get(torrent)
    if (previous !== undefined) torrent.deselect(previous.start, previous.end)
    torrent.select(pieces.start, pieces.end, JUMP_PRIORITY)
    torrent.critical(pieces.start, pieces.end)
    lastJump.set(torrent, pieces)
  })
}
