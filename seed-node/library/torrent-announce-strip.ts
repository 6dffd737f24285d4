/**
 * Torrents kept in the state folder carry no tracker and no web seed: the seed node's own
 * announce URLs hold the household credential (`/announce/<credential>`), and WebTorrent
 * writes every tracker it was given into `torrent.torrentFile`. The URLs are added when a
 * torrent is loaded (torrent-seeder.ts, download-torrents.ts), from the running node's
 * options and the download's record, never from the file.
 *
 * The top-level dictionary is rewritten from the raw bytes of its entries, so the `info`
 * dictionary, and with it the infohash, stays byte for byte what it was (a decode and
 * re-encode would change it for a torrent whose keys were not in canonical order).
 */

/** Top-level keys dropped: trackers (BEP 3, BEP 12) and web seeds (BEP 19, BEP 17). */
const DROPPED_KEYS = new Set(['announce', 'announce-list', 'url-list', 'httpseeds'])
/** Nesting bound: real torrents nest 4 deep; a hostile one must not exhaust the stack. */
const MAX_DEPTH = 64
const CHAR_D = 0x64
const CHAR_E = 0x65
const CHAR_I = 0x69
const CHAR_L = 0x6c
const CHAR_COLON = 0x3a

export class BencodeError extends Error {}

/** Index just past the byte string starting at `at` (`<length>:<bytes>`). */
function skipString (bytes: Uint8Array, at: number): number {
  let colon = at
  while (colon < bytes.length && bytes[colon] !== CHAR_COLON) colon++
  const length = Number(new TextDecoder().decode(bytes.subarray(at, colon)))
  if (colon === at || !Number.isSafeInteger(length) || length < 0) throw new BencodeError(`bad string length at byte ${at}`)
  const end = colon + 1 + length
  if (end > bytes.length) throw new BencodeError(`string at byte ${at} runs past the end`)
  return end
}

/** Index just past the bencoded value starting at `at`. */
function skipValue (bytes: Uint8Array, at: number, depth: number): number {
  if (depth > MAX_DEPTH) throw new BencodeError(`nested deeper than ${MAX_DEPTH}`)
  const tag = bytes[at]
  if (tag === CHAR_I) {
    const end = bytes.indexOf(CHAR_E, at)
    if (end < 0) throw new BencodeError(`integer at byte ${at} never ends`)
    return end + 1
  }
  if (tag === CHAR_L || tag === CHAR_D) {
    let next = at + 1
    while (next < bytes.length && bytes[next] !== CHAR_E) next = skipValue(bytes, next, depth + 1)
    if (next >= bytes.length) throw new BencodeError(`${tag === CHAR_L ? 'list' : 'dictionary'} at byte ${at} never ends`)
    return next + 1
  }
  if (tag !== undefined && tag >= 0x30 && tag <= 0x39) return skipString(bytes, at)
  throw new BencodeError(`unexpected byte at ${at}`)
}

/**
 * The torrent without its tracker and web-seed keys; the same bytes (same array) when it has
 * none. Throws BencodeError when the bytes are not one bencoded dictionary.
 */
export function withoutAnnounce (torrent: Uint8Array): Uint8Array {
  if (torrent[0] !== CHAR_D) throw new BencodeError('a torrent is a bencoded dictionary')
  const kept: Uint8Array[] = []
  let dropped = false
  let at = 1
  while (at < torrent.length && torrent[at] !== CHAR_E) {
    const keyEnd = skipString(torrent, at)
    const valueEnd = skipValue(torrent, keyEnd, 1)
    const key = new TextDecoder().decode(torrent.subarray(torrent.indexOf(CHAR_COLON, at) + 1, keyEnd))
    if (DROPPED_KEYS.has(key)) dropped = true
    else kept.push(torrent.subarray(at, valueEnd))
    at = valueEnd
  }
  if (at !== torrent.length - 1) throw new BencodeError('bytes after the torrent dictionary, or it never ends')
  if (!dropped) return torrent
  const out = new Uint8Array(2 + kept.reduce((sum, entry) => sum + entry.length, 0))
  out[0] = CHAR_D
  let offset = 1
  for (const entry of kept) {
    out.set(entry, offset)
    offset += entry.length
  }
  out[offset] = CHAR_E
  return out
}
