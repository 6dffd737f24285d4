/**
 * The download queue's only writes to the library outside WebTorrent's store: making the
 * downloads folder, deleting a download's own files, and setting unfinished data aside.
 * Every path is confined to `<library>/Downloads` first (safe-download-path.ts).
 */
import { lstat, mkdir, rename, rm, rmdir } from 'node:fs/promises'
import path from 'node:path'
import parseTorrent from 'parse-torrent'
import { confinePath, confineTorrentFiles } from './safe-download-path.ts'
import { errnoCode } from '../lib/errors.ts'

/** The one folder of the library Hearth writes, named relative to the library root. */
export const DOWNLOADS_FOLDER = 'Downloads'
/** Suffix unfinished data is set aside under; the scanner skips `.part` names (files and folders). */
export const SET_ASIDE_SUFFIX = '.part'

export async function ensureDownloadsFolder (libraryDir: string): Promise<string> {
  const dir = path.join(libraryDir, DOWNLOADS_FOLDER)
  await mkdir(dir, { recursive: true })
  return dir
}

export async function exists (target: string): Promise<boolean> {
  try {
    await lstat(target)
    return true
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return false
    throw err
  }
}

/**
 * Deletes exactly the files the torrent names (confined to `downloadsDir`), then the
 * folders they leave empty up to the torrent's own folder; other files are never touched.
 */
export async function deleteTorrentData (downloadsDir: string, torrentFile: Uint8Array): Promise<number> {
  const parsed = await parseTorrent(torrentFile)
  const files = confineTorrentFiles(downloadsDir, parsed.info)
  for (const file of files) await rm(file, { force: true })
  const root = path.resolve(downloadsDir)
  const folders = new Set<string>()
  for (const file of files) {
    for (let dir = path.dirname(file); dir.startsWith(root + path.sep); dir = path.dirname(dir)) folders.add(dir)
  }
  // Deepest first, so a parent is tried after its children.
  for (const dir of [...folders].sort((a, b) => b.length - a.length)) {
    try {
      await rmdir(dir)
    } catch (err) {
      if (errnoCode(err) !== 'ENOENT' && errnoCode(err) !== 'ENOTEMPTY') throw err
    }
  }
  return files.length
}

/**
 * Sets an unfinished download's data aside as `<name>.part` (kept, never ingested), or
 * brings it back when the same torrent is added again. Returns whether anything moved.
 */
export async function setAside (downloadsDir: string, name: string, direction: 'aside' | 'back'): Promise<boolean> {
  const live = confinePath(downloadsDir, [name])
  const aside = confinePath(downloadsDir, [name + SET_ASIDE_SUFFIX])
  const [from, to] = direction === 'aside' ? [live, aside] : [aside, live]
  if (!(await exists(from)) || (await exists(to))) return false
  await rename(from, to)
  return true
}
