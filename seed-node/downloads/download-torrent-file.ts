/**
 * Reads a `.torrent` the household dropped (base64 in a JSON body): size-capped, parsed with
 * parse-torrent, and every file name (`confineTorrentFiles`) and length (`checkTorrentLengths`)
 * checked on the raw info dictionary before anything is written anywhere.
 */
import parseTorrent, { type ParsedTorrent } from 'parse-torrent'
import { confineTorrentFiles, UnsafePathError } from './safe-download-path.ts'
import { ApiError } from '../../protocol/api/api-error.ts'
import { MAX_TORRENT_FILE_BYTES } from '../../protocol/api/downloads.ts'
import { checkTorrentLengths } from './torrent-lengths.ts'
const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/

export interface CheckedTorrent {
  infoHash: string
  name: string
  totalBytes: number
  /** The torrent as bytes (as given), to hand to WebTorrent and keep in the state folder. */
  torrentFile: Uint8Array
  /** Trackers named in the torrent. */
  announce: string[]
}

export function decodeTorrentBase64 (text: string): Uint8Array {
  if (text.length > Math.ceil(MAX_TORRENT_FILE_BYTES / 3) * 4 + 1024) {
    throw new ApiError('HEARTH_E_BAD_TORRENT', `the .torrent file is larger than ${MAX_TORRENT_FILE_BYTES / (1024 * 1024)} MiB`)
  }
  if (!BASE64.test(text)) throw new ApiError('HEARTH_E_BAD_TORRENT', 'torrentBase64 is not base64 text')
  const bytes = Buffer.from(text, 'base64')
  if (bytes.length === 0) throw new ApiError('HEARTH_E_BAD_TORRENT', 'the .torrent file is empty')
  if (bytes.length > MAX_TORRENT_FILE_BYTES) throw new ApiError('HEARTH_E_BAD_TORRENT', `the .torrent file is larger than ${MAX_TORRENT_FILE_BYTES / (1024 * 1024)} MiB`)
  return new Uint8Array(bytes)
}

/** Parses and confines a .torrent; throws ApiError (bad torrent, unsafe names). */
export async function checkTorrentFile (torrentFile: Uint8Array, downloadsDir: string): Promise<CheckedTorrent> {
  // parse-torrent takes a 40/32-character string as an infohash and a `magnet:` string as a
  // magnet link; only bytes that start like a bencoded dictionary are a .torrent file.
  if (torrentFile[0] !== 0x64 /* 'd' */) throw new ApiError('HEARTH_E_BAD_TORRENT', 'this is not a .torrent file (it is not a bencoded dictionary)')
  let parsed: ParsedTorrent
  try {
    parsed = await parseTorrent(torrentFile)
  } catch (err) {
    throw new ApiError('HEARTH_E_BAD_TORRENT', `this .torrent file cannot be read: ${err instanceof Error ? err.message : String(err)}`)
  }
  if (!parsed.info || !parsed.infoHash) throw new ApiError('HEARTH_E_BAD_TORRENT', 'this .torrent file has no info dictionary')
  confineNames(downloadsDir, parsed.info)
  const totalBytes = checkTorrentLengths(parsed.info)
  return {
    infoHash: parsed.infoHash,
    name: parsed.name ?? parsed.infoHash,
    totalBytes,
    torrentFile,
    announce: (parsed.announce ?? []).filter(url => /^(wss?|https?|udp):\/\//.test(url)).slice(0, 20)
  }
}

/** The confined absolute paths of a torrent's files; unsafe names become HEARTH_E_UNSAFE_PATH. */
export function confineNames (downloadsDir: string, info: unknown): string[] {
  try {
    return confineTorrentFiles(downloadsDir, info)
  } catch (err) {
    if (err instanceof UnsafePathError) throw new ApiError('HEARTH_E_UNSAFE_PATH', err.message)
    throw err
  }
}
