/**
 * The sizes a torrent's raw info dictionary claims, checked before anything trusts them:
 * every file length a whole number from 0 up, the total within what a disk can hold, a
 * piece length that is a whole number within bounds, and exactly one 20-byte hash per
 * piece. parse-torrent sums whatever it is given (a negative length makes a torrent that
 * looks smaller than it is), so the check reads the raw dictionary, as safe-download-path.ts
 * does for names. Refusals are HEARTH_E_BAD_TORRENT, naming the problem.
 */
import { ApiError } from '../../protocol/api/api-error.ts'

/** Bytes in one torrent: 1 PiB. No household disk holds more; past it a length is a lie. */
export const MAX_TORRENT_BYTES = 2 ** 50
/** Bytes in one piece: 1 GiB (real torrents use 16 KiB to 64 MiB). */
export const MAX_PIECE_BYTES = 2 ** 30
const SHA1_BYTES = 20

function bad (message: string): ApiError {
  return new ApiError('HEARTH_E_BAD_TORRENT', `this torrent cannot be downloaded: ${message}`)
}

function byteLength (value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw bad(`${what} is ${String(value)}, not a size in bytes`)
  if (value > MAX_TORRENT_BYTES) throw bad(`${what} is ${value} bytes, more than ${MAX_TORRENT_BYTES} (1 PiB)`)
  return value
}

/** Checks the raw info dictionary's lengths; returns the total size in bytes. */
export function checkTorrentLengths (info: unknown): number {
  if (typeof info !== 'object' || info === null) throw bad('it has no info dictionary')
  const dict = info as Record<string, unknown>
  let total = 0
  if (Array.isArray(dict.files)) {
    if (dict.files.length === 0) throw bad('it lists no files')
    for (const [index, file] of dict.files.entries()) {
      const entry: unknown = typeof file === 'object' && file !== null ? (file as Record<string, unknown>).length : undefined
      total += byteLength(entry, `the length of file ${index + 1}`)
      if (total > MAX_TORRENT_BYTES) throw bad(`its files add up to more than ${MAX_TORRENT_BYTES} bytes (1 PiB)`)
    }
  } else {
    total = byteLength(dict.length, 'its length')
  }
  if (total === 0) throw bad('it holds no data')
  const pieceLength = dict['piece length']
  if (typeof pieceLength !== 'number' || !Number.isSafeInteger(pieceLength) || pieceLength < 1 || pieceLength > MAX_PIECE_BYTES) {
    throw bad(`its piece length is ${String(pieceLength)}, not 1-${MAX_PIECE_BYTES} bytes`)
  }
  const pieces = dict.pieces
  const expected = Math.ceil(total / pieceLength) * SHA1_BYTES
  if (!(pieces instanceof Uint8Array) || pieces.length !== expected) {
    throw bad(`its piece hashes (${pieces instanceof Uint8Array ? pieces.length : 0} bytes) do not match its size (${expected} bytes expected)`)
  }
  return total
}
