/**
 * The tracker the sync torrent announces to: the seed node's own, `/announce` on the host
 * that served the app (`wss:` under https), the same one the catalog's `trackerUrl` names.
 * If the tracker comes to demand the household credential, this is the one place to add it
 * (`/announce/<credential>`, the form tracker/announce-path.ts reads).
 */
export function syncTrackerUrl (location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${location.host}/announce`
}
