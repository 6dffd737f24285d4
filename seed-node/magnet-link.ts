/** Builds an item's magnet link: infohash, display name, tracker, and optionally the web seed. */
export interface MagnetParts {
  infoHash: string
  displayName: string
  trackerUrl: string
  webSeedUrl: string | null
}

export function buildMagnet ({ infoHash, displayName, trackerUrl, webSeedUrl }: MagnetParts): string {
  const params = [`xt=urn:btih:${infoHash}`, `dn=${encodeURIComponent(displayName)}`, `tr=${encodeURIComponent(trackerUrl)}`]
  if (webSeedUrl) params.push(`ws=${encodeURIComponent(webSeedUrl)}`)
  return `magnet:?${params.join('&')}`
}
