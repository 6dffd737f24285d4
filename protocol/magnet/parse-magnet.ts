/**
 * Parses an untrusted magnet link (pasted, opened through the `magnet:` protocol handler,
 * shared to the app, or posted to the seed node's download queue) into typed parts. Rules:
 * - at most `MAX_MAGNET_LENGTH_CHARS`, starting with `magnet:?`;
 * - exactly one `xt=urn:btih:` with a 40-hex or 32-base32 infohash (base32 is converted to
 *   lowercase hex); other `xt` kinds (e.g. a v2 `urn:btmh:`) are ignored and reported;
 * - `dn` (optional) becomes a display name only (`safeDisplayName`);
 * - `tr` trackers must be URLs; which schemes are kept, and whether the others are reported
 *   or refused, is the caller's `MagnetRules` (magnet-rules.ts);
 * - `ws` web seeds must be `http:`/`https:` URLs; others are ignored and reported.
 * Anything else fails with `MagnetError` (code `HEARTH_E_BAD_MAGNET`) saying what is wrong.
 * `buildMagnet` (build-magnet.ts) writes what this reads.
 */
import { safeDisplayName } from '../safe-display-name.ts'
import { BROWSER_MAGNET_RULES, type MagnetRules } from './magnet-rules.ts'

/** Longest magnet accepted: 8 KiB of text is far beyond any real link with a few trackers. */
export const MAX_MAGNET_LENGTH_CHARS = 8 * 1024
/** Bounds on what is kept; beyond them entries are reported as ignored (or refused, see the rules). */
export const MAX_TRACKERS = 20
export const MAX_WEB_SEEDS = 10

const PREFIX = 'magnet:?'
const HEX_INFOHASH = /^[0-9a-f]{40}$/i
const BASE32_INFOHASH = /^[a-z2-7]{32}$/i
const BASE32_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567'
const WEB_SEED_SCHEMES = ['http:', 'https:']

export interface ParsedMagnet {
  /** 40 lowercase hex characters. */
  readonly infoHash: string
  /** Cleaned `dn`, or null when the link has none. */
  readonly displayName: string | null
  /** `tr` URLs with an accepted scheme, deduplicated, in link order. */
  readonly trackers: readonly string[]
  /** `ws` URLs (http/https), deduplicated, in link order; empty when the rules skip web seeds. */
  readonly webSeeds: readonly string[]
  /** What was left out and why, for the user to see (`udp://… (browsers cannot use UDP trackers)`). */
  readonly ignored: readonly string[]
}

/** A magnet link that cannot be used, with the reason in its message. */
export class MagnetError extends Error {
  readonly code = 'HEARTH_E_BAD_MAGNET'
  constructor (message: string) {
    super(message)
    this.name = 'MagnetError'
  }
}

interface Collected { infoHashes: string[], displayName: string | null, trackers: string[], webSeeds: string[], ignored: string[] }

export function parseMagnet (input: string, rules: MagnetRules = BROWSER_MAGNET_RULES): ParsedMagnet {
  const text = input.trim()
  if (text.length > MAX_MAGNET_LENGTH_CHARS) fail(`it is ${text.length} characters long; at most ${MAX_MAGNET_LENGTH_CHARS} are accepted`)
  if (text.slice(0, PREFIX.length).toLowerCase() !== PREFIX) fail('it does not start with "magnet:?"')
  const parts: Collected = { infoHashes: [], displayName: null, trackers: [], webSeeds: [], ignored: [] }
  for (const pair of text.slice(PREFIX.length).split('&')) {
    if (pair !== '') readPair(pair, parts, rules)
  }
  const unique = [...new Set(parts.infoHashes)]
  if (unique.length === 0) fail('it has no "xt=urn:btih:<infohash>" part, so it does not say which torrent it is')
  if (unique.length > 1) fail(`it names ${unique.length} different torrents ("xt=urn:btih:" parts); a link must name exactly one`)
  const { displayName, trackers, webSeeds, ignored } = parts
  return { infoHash: unique[0] as string, displayName, trackers, webSeeds, ignored }
}

function readPair (pair: string, parts: Collected, rules: MagnetRules): void {
  const equals = pair.indexOf('=')
  const key = (equals === -1 ? pair : pair.slice(0, equals)).toLowerCase().replace(/\.\d+$/, '')
  const rawValue = equals === -1 ? '' : pair.slice(equals + 1)
  if (key === 'xt') {
    const value = decode(rawValue, 'xt')
    if (/^urn:btih:/i.test(value)) parts.infoHashes.push(infoHashFrom(value.slice('urn:btih:'.length)))
    else parts.ignored.push(`${value.slice(0, 60)} (only BitTorrent v1 "urn:btih:" hashes are used)`)
  } else if (key === 'dn') {
    // `+` is a space in query strings; decode after, so an escaped `%2B` stays a plus.
    parts.displayName ??= safeDisplayName(decode(rawValue.replace(/\+/g, ' '), 'dn'), '') || null
  } else if (key === 'tr') {
    addTracker(decode(rawValue, 'tr'), parts, rules)
  } else if (key === 'ws' && rules.webSeeds) {
    addWebSeed(decode(rawValue, 'ws'), parts)
  }
  // Other parameters (xl, as, xs, kt, so, x.pe, …) carry nothing Hearth uses.
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

function addTracker (value: string, parts: Collected, rules: MagnetRules): void {
  const scheme = schemeOf(value, 'tracker')
  const refuse = rules.unusableTrackers === 'refuse'
  if (!rules.trackerSchemes.includes(scheme)) {
    const allowed = rules.trackerSchemes.map(s => s.slice(0, -1)).join(', ')
    if (refuse) fail(`its tracker "${value.slice(0, 100)}" is ${scheme}; trackers must be ${allowed}`)
    parts.ignored.push(`${value.slice(0, 100)} (${scheme === 'udp:' ? 'browsers cannot use UDP trackers' : `a tracker must be ${allowed}`})`)
    return
  }
  if (parts.trackers.includes(value)) return
  if (parts.trackers.length >= MAX_TRACKERS) {
    if (refuse) fail(`it names more than ${MAX_TRACKERS} trackers`)
    parts.ignored.push(`${value.slice(0, 100)} (more than ${MAX_TRACKERS} trackers)`)
    return
  }
  parts.trackers.push(value)
}

function addWebSeed (value: string, parts: Collected): void {
  const scheme = schemeOf(value, 'web seed')
  if (!WEB_SEED_SCHEMES.includes(scheme)) {
    parts.ignored.push(`${value.slice(0, 100)} (a web seed must be http or https)`)
  } else if (!parts.webSeeds.includes(value)) {
    if (parts.webSeeds.length < MAX_WEB_SEEDS) parts.webSeeds.push(value)
    else parts.ignored.push(`${value.slice(0, 100)} (more than ${MAX_WEB_SEEDS} web seeds)`)
  }
}

/** The URL's scheme (`wss:`); a value that is no URL refuses the link. */
function schemeOf (value: string, what: string): string {
  try {
    return new URL(value).protocol
  } catch {
    return fail(`its ${what} "${value.slice(0, 100)}" is not a URL`)
  }
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
