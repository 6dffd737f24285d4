/**
 * What `<state>/downloads.json` keeps of where a download came from, with no credential in
 * it: the magnet reduced to its infohash and display name (its trackers are kept apart, in the
 * record, and WebTorrent gets them at run time), and the trackers without the seed node's own
 * announce URLs (`/announce/<credential>`, on whatever host a device named it), which
 * every download announces to anyway (`ownAnnounce`, built at run time).
 */

/** `magnet:?xt=urn:btih:<infohash>[&dn=<name>]`: enough to find the torrent again. */
export function storedMagnet (infoHash: string, displayName: string | null): string {
  return `magnet:?xt=urn:btih:${infoHash}${displayName === null ? '' : `&dn=${encodeURIComponent(displayName)}`}`
}

function pathnameOf (url: string): string | null {
  try {
    return new URL(url).pathname
  } catch {
    return null
  }
}

/** `trackers` without any whose path is one of the seed node's own credential-bearing announce paths. */
export function foreignTrackers (trackers: readonly string[], ownAnnounce: readonly string[]): string[] {
  const ownPaths = new Set(ownAnnounce.map(pathnameOf).filter((pathname): pathname is string => pathname?.startsWith('/announce/') === true))
  return trackers.filter(url => !ownAnnounce.includes(url) && !ownPaths.has(pathnameOf(url) ?? ''))
}
