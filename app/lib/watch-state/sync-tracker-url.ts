/**
 * The tracker the sync torrent announces to: the seed node's own, on the host that served
 * the app (`wss:` under https), with the household credential in the path
 * (`/announce/<credential>`, the form tracker/announce-path.ts reads), as the catalog's
 * `trackerUrl` does.
 */
export function syncTrackerUrl (location: Pick<Location, 'protocol' | 'host'>, credential: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${location.host}/announce/${credential}`
}
