/**
 * A finished edition as a file other devices can fetch peer to peer: the complete fMP4 HLS
 * remuxed once by ffmpeg into one MP4 with its index at the front (`+faststart`, so a
 * `<video>` streaming it through WebTorrent starts and seeks at once), then hashed into a
 * single-file torrent. Both stay in the edition's folder in the state folder, never in the
 * library. The next device then gets the edition over WebRTC from the seed node and from
 * any household device that has it, instead of asking ffmpeg again.
 */
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import createTorrent from 'create-torrent'
import parseTorrent from 'parse-torrent'
import { runBackgroundFfmpeg } from './background-ffmpeg.ts'

export const EDITION_MP4 = 'edition.mp4'
export const EDITION_TORRENT = 'edition.torrent'
/** A remux copies bytes: minutes at most for a long film on a slow disk. */
const REMUX_TIMEOUT_MS = 30 * 60 * 1000
/** Below the seed node itself: serving and on-demand editions come first. */
const REMUX_NICENESS = 15

export interface EditionTorrent {
  infoHash: string
  torrent: Uint8Array
  /** The file's name inside the torrent (and in the web seed URL). */
  fileName: string
  sizeBytes: number
  pieceCount: number
  /** Absolute path of the MP4. */
  mp4Path: string
}

/** The name of the MP4 inside the torrent: the same for the same edition of the same item. */
export function editionFileName (itemId: string, key: string): string {
  return `hearth-edition-${itemId.slice(0, 12)}-${key}.mp4`
}

async function hash (mp4Path: string, fileName: string): Promise<Uint8Array> {
  return await new Promise((resolve, reject) => {
    // No trackers inside (magnets name them as the caller reaches us), no date: the same bytes make the same infohash.
    createTorrent(mp4Path, { name: fileName, createdBy: 'Hearth', announceList: [], creationDate: 0 }, (err, torrent) => err ? reject(err) : resolve(torrent))
  })
}

async function describe (dir: string, torrent: Uint8Array): Promise<EditionTorrent> {
  const parsed = await parseTorrent(torrent)
  const fileName = parsed.files?.[0]?.path.split(path.sep).join('/') ?? ''
  const mp4Path = path.join(dir, EDITION_MP4)
  const sizeBytes = (await stat(mp4Path)).size
  if (fileName === '' || parsed.length !== sizeBytes) throw new Error(`the edition torrent in ${dir} does not describe its MP4`)
  return { infoHash: parsed.infoHash, torrent, fileName, sizeBytes, pieceCount: parsed.pieces?.length ?? 0, mp4Path }
}

/** The torrent of a finished edition, or null when it was not made yet (or its files are broken). */
export async function readEditionTorrent (dir: string): Promise<EditionTorrent | null> {
  try {
    return await describe(dir, await readFile(path.join(dir, EDITION_TORRENT)))
  } catch {
    return null
  }
}

/** Remuxes the finished HLS edition in `dir` into one MP4 and hashes it; the torrent file is written last. */
export async function makeEditionTorrent (dir: string, itemId: string, key: string): Promise<EditionTorrent> {
  const mp4Path = path.join(dir, EDITION_MP4)
  const partial = `${mp4Path}.part`
  try {
    await runBackgroundFfmpeg(['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-i', path.join(dir, 'index.m3u8'), '-map', '0', '-c', 'copy', '-movflags', '+faststart', '-f', 'mp4', partial], { timeoutMs: REMUX_TIMEOUT_MS, niceness: REMUX_NICENESS })
    await rename(partial, mp4Path)
    const torrent = await hash(mp4Path, editionFileName(itemId, key))
    const torrentPath = path.join(dir, EDITION_TORRENT)
    await writeFile(`${torrentPath}.part`, torrent, { mode: 0o600 })
    await rename(`${torrentPath}.part`, torrentPath)
    return await describe(dir, torrent)
  } finally {
    await rm(partial, { force: true })
  }
}
