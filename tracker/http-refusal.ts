/**
 * Refusals before bittorrent-tracker is reached: an HTTP announce gets a bencoded
 * `failure reason` (what classic clients show), a WebSocket upgrade an HTTP error response
 * instead of a handshake. Reasons are plain text, never HTML.
 */
import type { ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'

const STATUS_TEXT: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 503: 'Service Unavailable' }

/** `d14:failure reason<n>:<reason>e`, n counted in bytes. */
export function bencodeFailure (reason: string): Buffer {
  const body = Buffer.from(reason, 'utf8')
  return Buffer.concat([Buffer.from(`d14:failure reason${body.length}:`), body, Buffer.from('e')])
}

export function refuseHttp (res: ServerResponse, status: number, reason: string): void {
  const body = bencodeFailure(reason)
  const headers: Record<string, string | number> = { 'content-type': 'text/plain; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-store' }
  if (status === 401) headers['www-authenticate'] = 'Bearer realm="hearth-tracker"'
  res.writeHead(status, headers).end(body)
}

/** Answers an upgrade request with an error and ends the socket, before any handshake. */
export function rejectUpgrade (socket: Duplex, status: number, reason: string): void {
  if (!socket.writable) {
    socket.destroy()
    return
  }
  const body = Buffer.from(reason + '\n', 'utf8')
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\n\r\n${body.toString('utf8')}`)
  socket.once('error', () => {})
}
