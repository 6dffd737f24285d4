/**
 * Parses a magnet link the household asks the seed node to download. Unlike the app's
 * parser (browsers speak only WebSocket trackers), the seed node also joins classic swarms,
 * so `udp:` trackers are kept. Rules:
 * - at most `MAX_MAGNET_LENGTH_CHARS`, starting with `magnet:?`;
 * - exactly one `xt=urn:btih:` with a 40-hex or 32-base32 infohash (→ lowercase hex);
 * - `tr` trackers must be `ws: wss: http: https: udp:` URLs (at most `MAX_TRACKERS`);
 * - `dn` is kept as a display hint only (the real names come from the torrent's metadata).
 * Anything else is refused with `DownloadInputError` code `HEARTH_E_BAD_MAGNET`.
 */
import { DownloadInputError } from './download-input-error.ts'

/** 8 KiB of text is far beyond any real link with a few trackers. */
export const MAX_MAGNET_LENGTH_CHARS = 8 * 1024
export const MAX_TRACKERS = 20
/** Display names are shown, never used as paths; longer ones are cut. */
const MAX_DISPLAY_NAME_CHARS = 200

const PREFIX = 'magnet:?'
const HEX_INFOHASH = /^[0-9a-f]{40}$/i
const BASE32_INFOHASH = /^[a-z2-7]{32}$/i
const BASE32_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567'
const TRACKER_SCHEMES = new Set(['ws:', 'wss:', 'http:', 'https:', 'udp:'])

export interface DownloadMagnet {
  /** 40 lowercase hex characters. */
  infoHash: string
  displayName: string | null
  trackers: string[]
}

export function parseDownloadMagnet (input: string): DownloadMagnet {
  const text = input.trim()
  if (text.length > MAX_MAGNET_LENGTH_CHARS) fail(`it is ${text.length} characters long; at most ${MAX_MAGNET_LENGTH_CHARS} are accepted`)
  if (text.slice(0, PREFIX.length).toLowerCase() !== PREFIX) fail('it does not start with "magnet:?"')
  const infoHashes = new Set<string>()
  let displayName: string | null = null
  const trackers: string[] = []
  for (const pair of text.slice(PREFIX.length).split('&')) {
    if (pair === '') continue
    const equals = pair.indexOf('=')
    const key = (equals === -1 ? pair : pair.slice(0, equals)).toLowerCase().replace(/\.\d+$/, '')
    const value = decode(equals === -1 ? '' : pair.slice(equals + 1), key)
    if (key === 'xt') {
      if (/^urn:btih:/i.test(value)) infoHashes.add(infoHashFrom(value.slice('urn:btih:'.length)))
    } else if (key === 'dn') {
      // eslint-disable-next-line no-control-regex -- stripping control characters is the point
      displayName ??= value.replace(/\+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, MAX_DISPLAY_NAME_CHARS) || null
    } else if (key === 'tr') {
      addTracker(value, trackers)
    }
  }
  if (infoHashes.size === 0) fail('it has no "xt=urn:btih:<infohash>" part, so it does not say which torrent it is')
  if (infoHashes.size > 1) fail(`it names ${infoHashes.size} different torrents ("xt=urn:btih:" parts); a link must name exactly one`)
  return { infoHash: [...infoHashes][0] as string, displayName, trackers }
}

function infoHashFrom (text: string): string {
  if (HEX_INFOHASH.test(text)) return text.toLowerCase()
  if (BASE32_INFOHASH.test(text)) return base32ToHex(text)
  return fail(`its infohash "${text.slice(0, 64)}" is neither 40 hexadecimal nor 32 base32 characters`)
}

/** RFC 4648 base32 (32 characters = 160 bits) to 40 lowercase hex characters. */
function base32ToHex (text: string): string {
  let bits = ''
  for (const char of text.toLowerCase()) bits += BASE32_ALPHABET.indexOf(char).toString(2).padStart(5, '0')
  let hex = ''
  for (let i = 0; i + 4 <= bits.length; i += 4) hex += parseInt(bits.slice(i, i + 4), 2).toString(16)
  return hex
}

function addTracker (value: string, into: string[]): void {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return fail(`its tracker "${value.slice(0, 100)}" is not a URL`)
  }
  if (!TRACKER_SCHEMES.has(url.protocol)) fail(`its tracker "${value.slice(0, 100)}" is ${url.protocol}; trackers must be ws, wss, http, https or udp`)
  if (into.includes(value)) return
  if (into.length >= MAX_TRACKERS) fail(`it names more than ${MAX_TRACKERS} trackers`)
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
  throw new DownloadInputError('HEARTH_E_BAD_MAGNET', `This magnet link does not work: ${why}.`)
}
