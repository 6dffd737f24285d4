/** Which picture stands for an item, by the names Kodi, Jellyfin, Plex and music players write; and NFO naming. */
import { describe, it, expect } from 'vitest'
import path from 'node:path'
import { itemArtwork, seriesArtwork } from '../artwork-names.ts'
import { itemNfo, showNfo } from '../nfo-names.ts'
import { metadataListing } from '../metadata-listing.ts'

function listing (files: readonly string[]) {
  const media = files.filter(file => /\.(mkv|mp4|mp3|flac)$/i.test(file))
  return metadataListing(files.filter(file => !media.includes(file)), media)
}

type Kind = 'film' | 'episode' | 'audio'
const ITEM_ART: ReadonlyArray<[string, Kind, string[], string | null]> = [
  ['a film alone with poster.jpg', 'film', ['Films/Alien (1979)/Alien (1979).mkv', 'Films/Alien (1979)/poster.jpg', 'Films/Alien (1979)/fanart.jpg'], 'Films/Alien (1979)/poster.jpg'],
  ['folder.jpg', 'film', ['Films/Alien/Alien.mkv', 'Films/Alien/folder.jpg'], 'Films/Alien/folder.jpg'],
  ['cover.png', 'film', ['Films/Alien/Alien.mkv', 'Films/Alien/Cover.PNG'], 'Films/Alien/Cover.PNG'],
  ['<file>-poster.jpg wins over poster.jpg', 'film', ['Films/Alien/Alien.mkv', 'Films/Alien/poster.jpg', 'Films/Alien/Alien-poster.jpg'], 'Films/Alien/Alien-poster.jpg'],
  ['<file>.jpg (Plex)', 'film', ['Films/Alien/Alien.mkv', 'Films/Alien/Alien.jpg'], 'Films/Alien/Alien.jpg'],
  ['<file>.tbn (old Kodi)', 'film', ['Films/Alien/Alien.mkv', 'Films/Alien/Alien.tbn'], 'Films/Alien/Alien.tbn'],
  ['fanart as a last resort', 'film', ['Films/Alien/Alien.mkv', 'Films/Alien/fanart.jpg'], 'Films/Alien/fanart.jpg'],
  ['extras do not make a folder shared', 'film', ['Films/Alien/Alien.mkv', 'Films/Alien/Alien-trailer.mkv', 'Films/Alien/poster.jpg'], 'Films/Alien/poster.jpg'],
  ['a folder of many films: poster.jpg is the folder\'s, not a film\'s', 'film', ['Films/Alien.mkv', 'Films/Heat.mkv', 'Films/poster.jpg'], null],
  ['a folder of many films: <file>-poster.jpg still counts', 'film', ['Films/Alien.mkv', 'Films/Heat.mkv', 'Films/Alien-poster.jpg'], 'Films/Alien-poster.jpg'],
  ['a film at the library root does not take the root\'s folder.jpg', 'film', ['Alien.mkv', 'folder.jpg'], null],
  ['an episode\'s own thumb', 'episode', ['Shows/X/Season 01/X S01E01.mkv', 'Shows/X/Season 01/X S01E01-thumb.jpg', 'Shows/X/poster.jpg'], 'Shows/X/Season 01/X S01E01-thumb.jpg'],
  ['an episode without a thumb: none of its own (a frame or the show poster instead)', 'episode', ['Shows/X/Season 01/X S01E01.mkv', 'Shows/X/poster.jpg'], null],
  ['an album cover', 'audio', ['Music/A/B/01 x.mp3', 'Music/A/B/cover.jpg'], 'Music/A/B/cover.jpg'],
  ['an album folder.jpg', 'audio', ['Music/A/B/01 x.flac', 'Music/A/B/folder.jpg'], 'Music/A/B/folder.jpg'],
  ['an album front.png', 'audio', ['Music/A/B/01 x.flac', 'Music/A/B/front.png'], 'Music/A/B/front.png'],
  ['a text file named poster is no picture', 'film', ['Films/Alien/Alien.mkv', 'Films/Alien/poster.txt'], null]
]

describe('itemArtwork', () => {
  it.each(ITEM_ART)('%s', (_name, kind, files, expected) => {
    expect(itemArtwork(files[0] ?? '', kind, listing(files))).toBe(expected)
  })
})

const SERIES_ART: ReadonlyArray<[string, number, string[], string | null]> = [
  ['season01-poster.jpg in the show folder', 1, ['Shows/X/Season 01/e.mkv', 'Shows/X/season01-poster.jpg', 'Shows/X/poster.jpg'], 'Shows/X/season01-poster.jpg'],
  ['the season folder\'s poster.jpg', 2, ['Shows/X/Season 02/e.mkv', 'Shows/X/Season 02/poster.jpg', 'Shows/X/poster.jpg'], 'Shows/X/Season 02/poster.jpg'],
  ['the show\'s poster.jpg', 1, ['Shows/X/Season 01/e.mkv', 'Shows/X/poster.jpg'], 'Shows/X/poster.jpg'],
  ['the show\'s folder.jpg, episodes beside it', 1, ['Shows/X/X S01E01.mkv', 'Shows/X/folder.jpg'], 'Shows/X/folder.jpg'],
  ['season-specials-poster.jpg for season 0', 0, ['Shows/X/Specials/e.mkv', 'Shows/X/season-specials-poster.jpg'], 'Shows/X/season-specials-poster.jpg'],
  ['another season\'s poster is not this one\'s', 2, ['Shows/X/Season 02/e.mkv', 'Shows/X/season01-poster.jpg'], null]
]

describe('seriesArtwork', () => {
  it.each(SERIES_ART)('%s', (_name, season, files, expected) => {
    expect(seriesArtwork(files[0] ?? '', season, listing(files))).toBe(expected)
  })
})

describe('NFO naming', () => {
  it('<file>.nfo, movie.nfo for a film alone, tvshow.nfo above a season folder', () => {
    const files = ['Films/Alien/Alien.mkv', 'Films/Alien/movie.nfo', 'Films/Many/One.mkv', 'Films/Many/Two.mkv', 'Films/Many/movie.nfo', 'Films/Many/Two.nfo',
      'Shows/X/tvshow.nfo', 'Shows/X/Season 01/X S01E01.mkv', 'Shows/X/Season 01/X S01E01.nfo']
    const list = listing(files)
    expect(itemNfo('Films/Alien/Alien.mkv', 'film', list)).toBe('Films/Alien/movie.nfo')
    expect(itemNfo('Films/Many/One.mkv', 'film', list)).toBe(null)
    expect(itemNfo('Films/Many/Two.mkv', 'film', list)).toBe('Films/Many/Two.nfo')
    expect(itemNfo('Shows/X/Season 01/X S01E01.mkv', 'episode', list)).toBe('Shows/X/Season 01/X S01E01.nfo')
    expect(showNfo('Shows/X/Season 01/X S01E01.mkv', list)).toBe('Shows/X/tvshow.nfo')
    expect(path.posix.basename(showNfo('Shows/X/Season 01/X S01E01.mkv', list) ?? '')).toBe('tvshow.nfo')
  })
})
