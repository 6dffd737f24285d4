/**
 * The tracker's URLs: `/announce` and `/scrape`, each optionally followed by `/<token>`.
 * Classic clients append `?info_hash=...` to whatever announce URL they were given, so the
 * token lives in the path, never in the query.
 */

export type TrackerEndpoint = 'announce' | 'scrape'

export interface TrackerPath {
  endpoint: TrackerEndpoint
  /** The presented credential, percent-decoded; null for a bare `/announce`. */
  token: string | null
}

// The builder lives in protocol/ (the seed node and the app build announce URLs with it);
// the tracker parses here what it builds. tracker → protocol is allowed because
// announce-url.ts is a pure format (no I/O, no Node): one definition, so the builder and
// this parser cannot drift apart.
export { announcePath } from '../protocol/announce-url.ts'

/**
 * Parses a request target (`/announce/<token>?info_hash=...`). Null when the path is not one
 * of ours; a token that is empty, has more segments or does not percent-decode is returned as
 * presented, so it is refused as a wrong credential rather than taken for no credential.
 */
export function parseTrackerPath (requestTarget: string | undefined): TrackerPath | null {
  const path = (requestTarget ?? '/').split('?', 1)[0] ?? '/'
  const match = /^\/(announce|scrape)(?:\/(.*))?$/.exec(path)
  if (!match) return null
  const endpoint = match[1] as TrackerEndpoint
  const raw = match[2]
  if (raw === undefined) return { endpoint, token: null }
  try {
    return { endpoint, token: decodeURIComponent(raw) }
  } catch {
    return { endpoint, token: raw }
  }
}

/**
 * The `info_hash` values of a classic (HTTP) request as lowercase hex; null when none is
 * given. Values are binary, percent-encoded byte by byte, so they are decoded as Latin-1;
 * a value that is not 20 bytes is returned as is (bittorrent-tracker refuses it later).
 */
export function queryInfoHashesHex (requestTarget: string | undefined): string[] | null {
  const query = (requestTarget ?? '').split('?').slice(1).join('?')
  const values: string[] = []
  for (const pair of query.split('&')) {
    const [name, value = ''] = pair.split('=', 2)
    if (name !== 'info_hash') continue
    const bytes = Buffer.from(value.replace(/\+/g, ' ').replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1')
    values.push(bytes.toString('hex'))
  }
  return values.length > 0 ? values : null
}
