/**
 * Hashes one library item into a torrent: the playable file alone, always a single-file
 * torrent. Subtitles and other sidecars are served beside it, never inside it, so adding,
 * editing or removing one leaves the infohash (the item's id) as it was
 * (docs/item-identity.md). No tracker or web seed is baked in (they depend on how a caller
 * reaches us and go into the magnet link instead), so the infohash depends only on the
 * bytes and the file name.
 *
 * The torrent is byte for byte what create-torrent makes for the same file and options
 * (same piece length, keys, `encoding`; a test compares them), so items hashed before this
 * maker keep their ids. It hashes with piece-hasher.ts instead of create-torrent's stream
 * pipeline, and imports nothing heavy: the hashing threads (hash-worker.ts) load it alone.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { bencode } from './bencode-writer.ts'
import { hashPieces } from './piece-hasher.ts'
import type { ScannedFile } from './library-scanner.ts'

export interface MadeTorrent {
  torrent: Uint8Array
  infoHash: string
  pieceCount: number
  /** Torrent file path → library-relative path. */
  torrentFiles: Array<{ torrentPath: string, libraryPath: string }>
}

export interface MakeTorrentOptions {
  /** The torrent's `creation date`; now by default (create-torrent's default too). */
  creationDate?: Date
}

/** What the torrent says made it. */
export const CREATED_BY = 'Hearth'
/** create-torrent's cap on the piece length it picks. */
const MAX_PIECE_LENGTH = 4 * 1024 * 1024
const MIN_PIECE_LENGTH = 16 * 1024

/**
 * The piece length create-torrent picks for `bytes` (its `piece-length` dependency, capped
 * at 4 MiB): about 1/1024 of the content in a power of two, at least 16 KiB. Written out
 * here, operator for operator, because the infohash depends on it.
 */
export function pieceLengthFor (bytes: number): number {
  // The expression of piece-length@2, kept as it is (`1 << (log2 + 0.5)`, then `| 0`).
  const picked = Math.max(MIN_PIECE_LENGTH, 1 << Math.log2(bytes < 1024 ? 1 : bytes / 1024) + 0.5 | 0)
  return Math.min(picked, MAX_PIECE_LENGTH)
}

export async function makeTorrent (media: ScannedFile, options: MakeTorrentOptions = {}): Promise<MadeTorrent> {
  const mediaName = path.posix.basename(media.relativePath)
  const pieceLength = pieceLengthFor(media.fingerprint.sizeBytes)
  const { pieces, length } = await hashPieces(media.absolutePath, pieceLength)
  if (length === 0) throw new Error(`${media.relativePath} is empty`)
  const info = { length, name: mediaName, 'piece length': pieceLength, pieces }
  const infoBytes = bencode(info)
  const creationMs = options.creationDate?.getTime() ?? Date.now()
  // No trackers inside (they go into magnet links).
  const torrent = bencode({ 'created by': CREATED_BY, 'creation date': Math.ceil(creationMs / 1000), encoding: 'UTF-8', info })
  return {
    torrent,
    infoHash: createHash('sha1').update(infoBytes).digest('hex'),
    pieceCount: pieces.byteLength / 20,
    torrentFiles: [{ torrentPath: mediaName, libraryPath: media.relativePath }]
  }
}
