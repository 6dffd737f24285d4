/**
 * Hashes one library item into a torrent: the playable file alone, always a single-file
 * torrent. Subtitles and other sidecars are served beside it, never inside it, so adding,
 * editing or removing one leaves the infohash (the item's id) as it was
 * (docs/item-identity.md). No tracker or web seed is baked in (they depend on how a caller
 * reaches us and go into the magnet link instead), so the infohash depends only on the
 * bytes and the file name.
 */
import createTorrent from 'create-torrent'
import parseTorrent from 'parse-torrent'
import path from 'node:path'
import type { ScannedMedia } from './library-scanner.ts'

export interface MadeTorrent {
  torrent: Uint8Array
  infoHash: string
  pieceCount: number
  /** Torrent file path → library-relative path. */
  torrentFiles: Array<{ torrentPath: string, libraryPath: string }>
}

function create (input: string | string[], opts: Parameters<typeof createTorrent>[1]): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    createTorrent(input, opts, (err, torrent) => err ? reject(err) : resolve(torrent))
  })
}

export async function makeTorrent (media: ScannedMedia): Promise<MadeTorrent> {
  const mediaName = path.posix.basename(media.relativePath)
  // No trackers inside (they go into magnet links); create-torrent stamps the creation date.
  const common = { createdBy: 'Hearth', announceList: [] }
  const torrent = await create(media.absolutePath, { ...common, name: mediaName })
  const torrentFiles: MadeTorrent['torrentFiles'] = [{ torrentPath: mediaName, libraryPath: media.relativePath }]
  const parsed = await parseTorrent(torrent)
  const pieceCount = parsed.pieces?.length ?? 0
  const names = new Set((parsed.files ?? []).map(file => file.path.split(path.sep).join('/')))
  for (const { torrentPath } of torrentFiles) {
    if (!names.has(torrentPath)) throw new Error(`torrent for ${media.relativePath} lacks ${torrentPath}`)
  }
  return { torrent, infoHash: parsed.infoHash, pieceCount, torrentFiles }
}
