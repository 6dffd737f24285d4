/**
 * Parses an untrusted magnet link (pasted, opened through the `magnet:` protocol handler, or
 * received from the share target) into typed parts. Rules:
 * - at most `MAX_MAGNET_LENGTH_CHARS`, starting with `magnet:?`;
 * - exactly one `xt=urn:btih:` with a 40-hex or 32-base32 infohash (base32 is converted to
 *   lowercase hex); other `xt` kinds (e.g. a v2 `urn:btmh:`) are ignored and reported;
 * - `dn` (optional) becomes a display name only (see `safe-display-name.ts`);
 * - `tr` trackers must be URLs; a browser can only use `ws:`/`wss:` (and `http:`/`https:` ones
 *   are kept for other clients); others (`udp:`) are ignored and reported, never silently;
 * - `ws` web seeds must be `http:`/`https:` URLs; others are ignored and reported.
 * Anything else fails with `MagnetError` (code `HEARTH_E_BAD_MAGNET`) saying what is wrong.
 */
import { safeDisplayName } from '../format/safe-display-name.ts'

/** Longest magnet accepted: 8 KiB of text is far beyond any real link with a few trackers. */
export const MAX_MAGNET_LENGTH_CHARS = 8 * 1024
/** Bounds on what is kept; beyond them entries are reported as ignored. */
export const MAX_TRACKERS = 20
export const MAX_WEB_SEEDS = 10

const PREFIX = 'magnet:?'
const HEX_INFOHASH = /^[0-9a-f]{40}$/i
const BASE32_INFOHASH = /^[a-z2-7]{32}$/i
const BASE32_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567'
const TRACKER_SCHEMES = new Set(['ws:', 'wss:', 'http:', 'https:'])
const WEB_SEED_SCHEMES = new Set(['http:', 'https:'])

export interface ParsedMagnet {
  /** 40 lowercase hex characters. */
  readonly infoHash: string
  /** Cleaned `dn`, or null when the link has none. */
  readonly displayName: string | null
  /** `tr` URLs with an accepted scheme, deduplicated, in link order. */
  readonly trackers: readonly string[]
  /** `ws` URLs (http/https), deduplicated, in link order. */
  readonly webSeeds: readonly string[]
  /** What was left out and why, for the user to see (`udp://… (browsers cannot use UDP trackers)`). */
  readonly ignored: readonly string[]
}

export class MagnetError extends Error {
  readonly code = 'HEARTH_E_BAD_MAGNET'
}

export function parseMagnet (input: string): ParsedMagnet {
  const text = input.trim()
  if (text.length > MAX_MAGNET_LENGTH_CHARS) fail(`it is ${text.length} characters long; at most ${MAX_MAGNET_LENGTH_CHARS} are accepted`)
  if (text.slice(0, PREFIX.length).toLowerCase() !== PREFIX) fail('it does not start with "magnet:?"')
  const infoHashes: string[] = []
  let displayName: string | null = null
  const trackers: string[] = []
  const webSeeds: string[] = []
  const ignored: string[] = []

  for (const pair of text.slice(PREFIX.length).split('&')) {
    if (pair === '') continue
    const equals = pair.indexOf('=')
    const key = (equals === -1 ? pair : pair.slice(0, equals)).toLowerCase().replace(/\.\d+$/, '')
    const rawValue = equals === -1 ? '' : pair.slice(equals + 1)
    if (key === 'xt') {
      const value = decode(rawValue, 'xt')
      if (!/^urn:btih:/i.test(value)) {
        ignored.push(`${value.slice(0, 60)} (only BitTorrent v1 "urn:btih:" hashes are used)`)
        continue
      }
      infoHashes.push(infoHashFrom(value.slice('urn:btih:'.length)))
    } else if (key === 'dn') {
      displayName ??= safeDisplayName(decode(rawValue.replace(/\+/g, ' '), 'dn'), '') || null
    } else if (key === 'tr') {
      addUrl(decode(rawValue, 'tr'), 'tracker', TRACKER_SCHEMES, trackers, MAX_TRACKERS, ignored)
    } else if (key === 'ws') {
      addUrl(decode(rawValue, 'ws'), 'web seed', WEB_SEED_SCHEMES, webSeeds, MAX_WEB_SEEDS, ignored)
    }
    // Other parameters (xl, as, xs, kt, so, x.pe, …) carry nothing Hearth uses.
  }

  const unique = [...new Set(infoHashes)]
  if (unique.length === 0) fail('it has no "xt=urn:btih:<infohash>" part, so it does not say which torrent it is')
  if (unique.length > 1) fail(`it names ${unique.length} different torrents ("xt=urn:btih:" parts); a link must name exactly one`)
  return { infoHash: unique[0] as string, displayName, trackers, webSeeds, ignored }
}

function infoHashFrom (text: string): string {
  if (HEX_INFOHASH.test(text)) return text.toLowerCase()
  if (BASE32_INFOHASH.test(text)) return base32ToHex(text)
  return fail(`its infohash "${text.slice(0, 64)}" is neither 40 hexadecimal nor 32 base32 characters`)
}

/** RFC 4648 base32 (32 characters = 160 bits) to 40 lowercase hex characters. */
export function base32ToHex (text: string): string {
  let bits = ''
  for (const char of text.toLowerCase()) {
    const value = BASE32_ALPHABET.indexOf(char)
    if (value === -1) fail(`"${char}" is not a base32 character`)
    bits += value.toString(2).padStart(5, '0')
  }
  let hex = ''
  for (let i = 0; i + 4 <= bits.length; i += 4) hex += parseInt(bits.slice(i, i + 4), 2).toString(16)
  return hex
}

function addUrl (value: string, what: string, schemes: ReadonlySet<string>, into: string[], max: number, ignored: string[]): void {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return fail(`its ${what} "${value.slice(0, 100)}" is not a URL`)
  }
  if (!schemes.has(url.protocol)) {
    ignored.push(`${value.slice(0, 100)} (${url.protocol === 'udp:' ? 'browsers cannot use UDP trackers' : `a ${what} must be ${[...schemes].join(' or ')}`})`)
    return
  }
  if (into.includes(value)) return
  if (into.length >= max) {
    ignored.push(`${value.slice(0, 100)} (more than ${max} ${what}s)`)
    return
  }
  into.push(value)
}

function decode (value: string, key: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return fail(`its "${key}" value is not valid percent-encoding`)
  }
}

function fail (why: string): never {
  throw new MagnetError(`This magnet link does not work: ${why}.`)
}
