/**
 * The URLs a torrent names to find its peers and bytes, built in one place: the tracker's
 * announce URL (the credential or share token rides in the path, `/announce/<token>`,
 * because classic clients append `?info_hash=…` to whatever they were given) and the HTTP
 * web seed (BEP 19). `tracker/announce-path.ts` parses what `announcePath` builds (and
 * re-exports this builder, so the two cannot drift: tracker/__tests__/tracker-access.test.ts
 * parses a built path back to its token).
 */

/** The announce path carrying `token` (percent-encoded), or the bare path for null. */
export function announcePath (token: string | null): string {
  return token === null ? '/announce' : `/announce/${encodeURIComponent(token)}`
}

/** An origin (`http://host:port`, `https://…`) as the WebSocket origin browsers announce to. */
export function webSocketOrigin (httpOrigin: string): string {
  return httpOrigin.replace(/^http(s?):/, 'ws$1:')
}

/** The WebSocket announce URL (browsers, WebRTC) and the HTTP one (classic clients) on `httpOrigin`. */
export function announceUrls (httpOrigin: string, token: string): { webSocket: string, http: string } {
  const path = announcePath(token)
  return { webSocket: `${webSocketOrigin(httpOrigin)}${path}`, http: `${httpOrigin}${path}` }
}

/**
 * The web seed URL of a torrent: `<origin>/webseed/<token>/<infohash>/<file>` for a
 * single-file torrent (the URL is the file itself), `…/<infohash>/` for a folder torrent.
 */
export function webSeedUrl (httpOrigin: string, token: string, infoHash: string, singleFilePath: string | null): string {
  const base = `${httpOrigin}/webseed/${token}/${infoHash}`
  return singleFilePath === null ? `${base}/` : `${base}/${encodeURIComponent(singleFilePath)}`
}

/**
 * Where the seed node serves an item's .torrent (its info dictionary, no trackers and no web
 * seeds): `<origin>/torrent/<token>/<infohash>.torrent`, the token a household credential or
 * that item's share token. A player that has it skips the metadata exchange with peers.
 */
export function torrentFileUrl (httpOrigin: string, token: string, infoHash: string): string {
  return `${httpOrigin}/torrent/${token}/${infoHash}.torrent`
}
