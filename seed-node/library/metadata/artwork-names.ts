/**
 * Which picture on disk stands for an item, by the names Kodi, Jellyfin, Plex and music
 * players write (first match wins):
 * - any item: `<file>-poster.*`, `<file>-thumb.*`, `<file>.*` beside it (`Film (2010)-poster.jpg`);
 * - a film alone in its folder: `poster.*`, `folder.*`, `cover.*`, `movie.*`, then the
 *   landscape `fanart.*`, `backdrop.*`, `<file>-fanart.*` as a last resort;
 * - an episode: the show's picture is kept apart (`seriesArtwork`): `seasonNN-poster.*` in the
 *   show folder, `poster.*`/`folder.*` in the season folder, then `poster.*`/`folder.*` in
 *   the show folder (`season-specials-poster.*` for season 0);
 * - a track: `cover.*`, `folder.*`, `front.*`, `album.*` in its folder (embedded art comes
 *   first; media-artwork.ts decides).
 * Names compare without case; `.jpg`, `.jpeg`, `.png`, `.webp` (`.tbn`, Kodi's old JPEG name) count.
 */
import path from 'node:path'
import { stripExtension } from '../../../protocol/media-types.ts'

export const ARTWORK_EXTENSIONS: ReadonlySet<string> = new Set(['.jpg', '.jpeg', '.png', '.webp', '.tbn'])

export interface FolderListing {
  /** Picture file names in a library folder (`''` is the root), or none. */
  pictures: (folder: string) => readonly string[]
  /** How many main videos (not extras) a folder holds. */
  mainVideos: (folder: string) => number
}

function pick (folder: string, names: readonly string[], wanted: readonly string[]): string | null {
  const byBase = new Map<string, string>()
  for (const name of names) {
    const base = stripExtension(name).toLowerCase()
    if (!byBase.has(base)) byBase.set(base, name)
  }
  for (const want of wanted) {
    const found = byBase.get(want.toLowerCase())
    if (found !== undefined) return folder === '.' || folder === '' ? found : `${folder}/${found}`
  }
  return null
}

const FILM_FOLDER_POSTERS = ['poster', 'folder', 'cover', 'movie', 'default']
const FILM_FOLDER_FANART = ['fanart', 'backdrop', 'background', 'landscape']
const ALBUM_COVERS = ['cover', 'folder', 'front', 'album', 'albumart', 'albumartsmall']

/** The picture for the item itself (film poster, episode thumb, album cover), or null. */
export function itemArtwork (relativePath: string, kind: 'film' | 'episode' | 'audio', listing: FolderListing): string | null {
  const folder = path.posix.dirname(relativePath)
  const base = stripExtension(path.posix.basename(relativePath))
  const beside = listing.pictures(folder)
  if (kind === 'audio') return pick(folder, beside, ALBUM_COVERS)
  const own = pick(folder, beside, [`${base}-poster`, `${base}-thumb`, `${base}-cover`, base])
  if (own !== null || kind === 'episode') return own
  // Folder-wide names belong to the folder: only a film alone in it takes them.
  if (listing.mainVideos(folder) !== 1 || folder === '.') return null
  return pick(folder, beside, FILM_FOLDER_POSTERS) ?? pick(folder, beside, [...FILM_FOLDER_FANART, `${base}-fanart`])
}

/** An episode's show or season picture: `season01-poster.jpg`, the season folder's, then the show's. */
export function seriesArtwork (relativePath: string, season: number, listing: FolderListing): string | null {
  const folder = path.posix.dirname(relativePath)
  const parent = path.posix.dirname(folder)
  const seasonFolder = /^(?:season|series|saison|staffel|s)[\s._-]*\d{1,3}$|^specials?$/i.test(path.posix.basename(folder))
  const showFolder = seasonFolder ? parent : folder
  const seasonName = season === 0 ? 'season-specials' : `season${String(season).padStart(2, '0')}`
  const seasonPoster = pick(showFolder, listing.pictures(showFolder), [`${seasonName}-poster`, `${seasonName}`])
  if (seasonPoster !== null) return seasonPoster
  if (seasonFolder) {
    const inSeason = pick(folder, listing.pictures(folder), ['poster', 'folder', 'cover'])
    if (inSeason !== null) return inSeason
  }
  if (showFolder === '.') return null
  return pick(showFolder, listing.pictures(showFolder), ['poster', 'folder', 'cover', 'show'])
}
