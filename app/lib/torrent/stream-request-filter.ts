/**
 * WebTorrent's service worker sends every `/webtorrent/<infohash>/...` request to *all* open
 * Hearth tabs and streams from whichever answers first; a tab that lacks the torrent answers
 * 404 at once, so with two tabs open one tab's video could fail at random. This filter, added
 * before WebTorrent's own listener, silences this tab for torrents it does not hold, leaving
 * the request to the tab that does.
 */
import type { WebTorrentClient } from 'webtorrent/dist/webtorrent.min.js'
import { markStreamRequest } from './stream-marks.ts'

const STREAM_PATH = /\/webtorrent\/([0-9a-f]{40})(?:\/|$)/

/** The infohash a worker stream request is for, or null for other messages. Pure. */
export function streamRequestInfoHash (data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null
  if (!('type' in data) || data.type !== 'webtorrent' || !('url' in data) || typeof data.url !== 'string') return null
  let pathname: string
  try {
    pathname = new URL(data.url).pathname
  } catch {
    return null
  }
  return STREAM_PATH.exec(pathname)?.[1] ?? null
}

/** Must run before `client.createServer` so this listener precedes WebTorrent's. */
export function installStreamRequestFilter (client: WebTorrentClient): void {
  navigator.serviceWorker.addEventListener('message', event => {
    const infoHash = streamRequestInfoHash(event.data)
    if (infoHash === null) return
    if (!client.torrents.some(torrent => torrent.infoHash === infoHash)) event.stopImmediatePropagation()
    else markStreamRequest(infoHash)
  })
}
