/**
 * How an item keeps its id (docs/item-identity.md). The id is the infohash of the item's
 * single-file torrent as first made. This file decides, for a media file the cache does not
 * know at its path, whether it is an item seen before:
 * - moved or renamed: a vanished item with the same size, inode and mtime (a `mv` keeps all
 *   three), or, after hashing, the same piece hashes (a copy to another disk): the old torrent
 *   is kept, so the id does not change at all;
 * - replaced by a different rip: a vanished item with the same film title and year, or the
 *   same series, season and episode: the new item gets a new id and carries the old one in
 *   `formerIds`, so watch records and links follow it.
 */
import path from 'node:path'
import parseTorrent from 'parse-torrent'
import { stripExtension } from '../../protocol/media-types.ts'
import { MAX_FORMER_IDS } from '../../protocol/catalog.ts'
import { sameFingerprint, type FileFingerprint } from './file-fingerprint.ts'
import { parseTitle } from './title-parser.ts'
import type { StoredItem } from './stored-item.ts'

/** The fingerprint of a stored item's media file. */
export function mediaFingerprint (stored: StoredItem): FileFingerprint | undefined {
  return stored.fingerprints[stored.relativePath]
}

/** A vanished item whose file is this one, moved or renamed in place (same inode, size, mtime). */
export function findMoved (fingerprint: FileFingerprint, vanished: readonly StoredItem[]): StoredItem | undefined {
  return vanished.find(stored => {
    const known = mediaFingerprint(stored)
    return known !== undefined && stored.torrentFiles.length === 1 && sameFingerprint(known, fingerprint)
  })
}

/** Whether two torrents hold the same bytes (same piece length and piece hashes), whatever their names. */
export async function sameContent (a: Uint8Array, b: Uint8Array): Promise<boolean> {
  const [pa, pb] = await Promise.all([parseTorrent(a), parseTorrent(b)])
  if (pa.length !== pb.length || pa.pieceLength !== pb.pieceLength) return false
  const piecesA = pa.pieces ?? []
  const piecesB = pb.pieces ?? []
  return piecesA.length > 0 && piecesA.length === piecesB.length && piecesA.every((piece, i) => piece === piecesB[i])
}

/** Words of a release name that say how it was ripped, not what it is. */
const RELEASE_WORDS = /\b(2160p|1080p|1080i|720p|576p|480p|4k|uhd|hdr|hdr10|dv|bluray|blu ray|bdrip|brrip|web|webrip|web dl|webdl|hdtv|dvdrip|remux|x264|x265|h264|h265|hevc|avc|aac|ac3|dts|proper|repack|extended|unrated)\b.*$/

/**
 * What a person would call the film or episode, for matching a different rip: `film|title
 * year` or `episode|series|season|episode`. Null when the name says too little.
 */
export function identityKey (relativePath: string): string | null {
  // The whole path: season folders say which show and season an `Episode 2.mp4` is.
  const parsed = parseTitle(relativePath)
  const normal = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
  if (parsed.series) return `episode|${normal(parsed.series.name)}|${parsed.series.season}|${parsed.series.episode}`
  const title = normal(stripExtension(path.posix.basename(relativePath)).replace(/[._]+/g, ' '))
  const year = /^(.*?\D)?((?:19|20)\d{2})(?!\d)/.exec(title)
  if (year) {
    const name = `${(year[1] ?? '').trim()} ${year[2] ?? ''}`.trim()
    return name.length >= 6 ? `film|${name}` : null
  }
  // Without a year a title says too little on its own (`Episode 2`, `Movie`): only a rip in the same folder matches.
  const name = title.replace(RELEASE_WORDS, '').trim()
  return name.length >= 2 ? `film|${path.posix.dirname(relativePath)}|${name}` : null
}

/** A vanished item this file replaces (same film and year, or same episode), if exactly one. */
export function findReplaced (relativePath: string, vanished: readonly StoredItem[]): StoredItem | undefined {
  const key = identityKey(relativePath)
  if (key === null) return undefined
  const matches = vanished.filter(stored => identityKey(stored.relativePath) === key)
  // Two vanished rips of one film: which one this replaces is a guess; take the newest.
  return matches.sort((a, b) => b.addedAt.localeCompare(a.addedAt))[0]
}

/**
 * An item stored before sidecars left the torrent: a folder torrent `<Film>/` holding the
 * media and its subtitles, made by Hearth. It is hashed again as a single-file torrent.
 */
export function isLegacyFolderTorrent (stored: StoredItem): boolean {
  if (stored.torrentFiles.length < 2 || stored.origin === 'download') return false
  const folder = stripExtension(path.posix.basename(stored.relativePath))
  return stored.torrentFiles.every(file => file.torrentPath === `${folder}/${path.posix.basename(file.libraryPath)}`)
}

/** `formerIds` for an item that follows `previous` ids: newest first, without repeats or itself, bounded. */
export function withFormerIds (infoHash: string, ...previous: Array<StoredItem | undefined>): string[] | undefined {
  const ids: string[] = []
  for (const stored of previous) {
    if (!stored) continue
    for (const id of [stored.infoHash, ...(stored.formerIds ?? [])]) if (id !== infoHash && !ids.includes(id)) ids.push(id)
  }
  return ids.length === 0 ? undefined : ids.slice(0, MAX_FORMER_IDS)
}

/** The stored item moved to `media`'s path, keeping its torrent (and so its id). */
export function relocated (stored: StoredItem, relativePath: string, fingerprint: FileFingerprint): StoredItem {
  const torrentPath = stored.torrentFiles[0]?.torrentPath ?? path.posix.basename(relativePath)
  return { ...stored, relativePath, fingerprints: { [relativePath]: fingerprint }, torrentFiles: [{ torrentPath, libraryPath: relativePath }] }
}
