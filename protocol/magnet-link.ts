/** Builds an item's magnet link: infohash, display name, trackers, and optionally the web seed. */
export interface MagnetParts {
  infoHash: string
  displayName: string
  /** The WebSocket tracker (browsers). */
  trackerUrl: string
  /** An HTTP tracker for classic BitTorrent clients (Transmission, qBittorrent), if any. */
  classicTrackerUrl?: string | null
  webSeedUrl: string | null
}

export function buildMagnet ({ infoHash, displayName, trackerUrl, classicTrackerUrl = null, webSeedUrl }: MagnetParts): string {
  const params = [`xt=urn:btih:${infoHash}`, `dn=${encodeURIComponent(displayName)}`, `tr=${encodeURIComponent(trackerUrl)}`]
  if (classicTrackerUrl) params.push(`tr=${encodeURIComponent(classicTrackerUrl)}`)
  if (webSeedUrl) params.push(`ws=${encodeURIComponent(webSeedUrl)}`)
  return `magnet:?${params.join('&')}`
}
