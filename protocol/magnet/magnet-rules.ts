/**
 * What a magnet parser keeps, ignores or refuses: the two parts read magnets differently.
 * A browser can only reach WebSocket trackers (and keeps http ones for other clients), so
 * the app reports the rest to the user and goes on; the seed node joins classic swarms too
 * (`udp:`), and refuses a link with a tracker it cannot use rather than drop it silently,
 * since the household asked it to fetch exactly that link.
 */

export interface MagnetRules {
  /** URL schemes (with the colon) of the trackers kept. */
  readonly trackerSchemes: readonly string[]
  /** A tracker with another scheme, or past `MAX_TRACKERS`: reported in `ignored`, or the link is refused. */
  readonly unusableTrackers: 'report' | 'refuse'
  /** Whether `ws` web seeds are read; when false they are skipped (the seed node fetches from the swarm). */
  readonly webSeeds: boolean
}

/** The app's rules (players in a browser). */
export const BROWSER_MAGNET_RULES: MagnetRules = {
  trackerSchemes: ['ws:', 'wss:', 'http:', 'https:'],
  unusableTrackers: 'report',
  webSeeds: true
}

/** The seed node's rules (its download queue). */
export const SEED_NODE_MAGNET_RULES: MagnetRules = {
  trackerSchemes: ['ws:', 'wss:', 'http:', 'https:', 'udp:'],
  unusableTrackers: 'refuse',
  webSeeds: false
}
