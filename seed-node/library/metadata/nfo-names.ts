/**
 * Which NFO file describes an item (Kodi and Jellyfin naming): `<file>.nfo` beside it, else
 * `movie.nfo` for a film alone in its folder; an episode's show is described by
 * `tvshow.nfo` in the show folder (above a season folder).
 */
import path from 'node:path'
import { stripExtension } from '../../../protocol/media-types.ts'

export interface NfoListing {
  /** `.nfo` file names in a library folder (`.` is the root). */
  nfos: (folder: string) => readonly string[]
  mainVideos: (folder: string) => number
}

function find (folder: string, names: readonly string[], wanted: string): string | null {
  const found = names.find(name => stripExtension(name).toLowerCase() === wanted.toLowerCase())
  return found === undefined ? null : folder === '.' ? found : `${folder}/${found}`
}

export function itemNfo (relativePath: string, kind: 'film' | 'episode' | 'audio', listing: NfoListing): string | null {
  const folder = path.posix.dirname(relativePath)
  const names = listing.nfos(folder)
  const own = find(folder, names, stripExtension(path.posix.basename(relativePath)))
  if (own !== null || kind !== 'film') return own
  return listing.mainVideos(folder) === 1 && folder !== '.' ? find(folder, names, 'movie') : null
}

export function showNfo (relativePath: string, listing: NfoListing): string | null {
  const folder = path.posix.dirname(relativePath)
  const here = find(folder, listing.nfos(folder), 'tvshow')
  if (here !== null) return here
  const parent = path.posix.dirname(folder)
  return folder === '.' ? null : find(parent, listing.nfos(parent), 'tvshow')
}
