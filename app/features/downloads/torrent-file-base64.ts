/**
 * A chosen or dropped `.torrent` file as the base64 text `POST /api/downloads` takes, checked
 * first on this device: at most `MAX_TORRENT_FILE_BYTES`, not empty, and bencoded (a
 * dictionary, so it starts with `d`). The seed node checks the rest (infohash, names).
 */
// The seed node's own cap, checked here first so a big file is not sent for nothing.
import { MAX_TORRENT_FILE_BYTES } from '../../../protocol/api/downloads.ts'

/** Bytes per `String.fromCharCode` call: far under any engine's argument limit. */
const CHUNK_BYTES = 32 * 1024
const BENCODED_DICT_START = 0x64 // 'd'

export class TorrentFileError extends Error {
  readonly code = 'HEARTH_E_BAD_TORRENT'
}

/** Standard base64 (RFC 4648, with padding) of any bytes. */
export function bytesToBase64 (bytes: Uint8Array): string {
  let binary = ''
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK_BYTES))
  }
  return btoa(binary)
}

/** True for names and types a .torrent file has (the picker and drop zone offer only these). */
export function looksLikeTorrentFile (file: { name: string, type: string }): boolean {
  return file.name.toLowerCase().endsWith('.torrent') || file.type === 'application/x-bittorrent'
}

export async function torrentFileToBase64 (file: Blob & { name: string }): Promise<string> {
  const shown = file.name.slice(0, 120)
  if (!looksLikeTorrentFile(file)) throw new TorrentFileError(`"${shown}" is not a .torrent file.`)
  if (file.size === 0) throw new TorrentFileError(`"${shown}" is empty.`)
  if (file.size > MAX_TORRENT_FILE_BYTES) {
    throw new TorrentFileError(`"${shown}" is ${(file.size / (1024 * 1024)).toFixed(1)} MiB; a .torrent file is at most ${MAX_TORRENT_FILE_BYTES / (1024 * 1024)} MiB.`)
  }
  const bytes = new Uint8Array(await file.arrayBuffer())
  if (bytes[0] !== BENCODED_DICT_START) throw new TorrentFileError(`"${shown}" is not a valid .torrent file (it is not bencoded).`)
  return bytesToBase64(bytes)
}
