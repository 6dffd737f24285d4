/**
 * Writes a magnet link: infohash, display name, trackers and web seeds, each value
 * percent-encoded. The seed node builds its catalog and share links with it; the app writes
 * a parsed link back with it (so what reaches WebTorrent is the validated link, never the
 * raw input). `parseMagnet` of the result gives the same parts back.
 */
import { parseMagnet, type ParsedMagnet } from './parse-magnet.ts'

export type MagnetParts = Pick<ParsedMagnet, 'infoHash' | 'displayName' | 'trackers' | 'webSeeds'>

export function buildMagnet (magnet: MagnetParts): string {
  const params = [`xt=urn:btih:${magnet.infoHash}`]
  if (magnet.displayName !== null) params.push(`dn=${encodeURIComponent(magnet.displayName)}`)
  for (const tracker of magnet.trackers) params.push(`tr=${encodeURIComponent(tracker)}`)
  for (const webSeed of magnet.webSeeds) params.push(`ws=${encodeURIComponent(webSeed)}`)
  return `magnet:?${params.join('&')}`
}

/** The same link with `dn` set to `displayName` (e.g. a dropped file's cleaned name). */
export function withDisplayName (magnet: string, displayName: string): string {
  return buildMagnet({ ...parseMagnet(magnet), displayName })
}
