/**
 * Writes a parsed magnet back as a link holding only what `parseMagnet` accepted (so what
 * reaches WebTorrent is the validated link, never the raw input). `parseMagnet` of the result
 * gives the same parts back.
 */
import { parseMagnet, type ParsedMagnet } from './parse-magnet.ts'

export function formatMagnet (magnet: Pick<ParsedMagnet, 'infoHash' | 'displayName' | 'trackers' | 'webSeeds'>): string {
  const params = [`xt=urn:btih:${magnet.infoHash}`]
  if (magnet.displayName !== null) params.push(`dn=${encodeURIComponent(magnet.displayName)}`)
  for (const tracker of magnet.trackers) params.push(`tr=${encodeURIComponent(tracker)}`)
  for (const webSeed of magnet.webSeeds) params.push(`ws=${encodeURIComponent(webSeed)}`)
  return `magnet:?${params.join('&')}`
}

/** The same link with `dn` set to `displayName` (e.g. a dropped file's cleaned name). */
export function withDisplayName (magnet: string, displayName: string): string {
  return formatMagnet({ ...parseMagnet(magnet), displayName })
}
