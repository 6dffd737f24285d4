/** What an item is called, by precedence (docs/metadata.md): NFO over tags over the name and folders. */
import { describe, it, expect } from 'vitest'
import { toLibraryItem } from '../../library-item.ts'
import type { MediaTags, StoredItem } from '../../stored-item.ts'
import { NO_METADATA, type ItemMetadata } from '../item-metadata.ts'
import type { NfoFacts } from '../nfo-parse.ts'

const HASH = 'ab'.repeat(20)

function stored (relativePath: string, tags?: MediaTags, embeddedTitle: string | null = null): StoredItem {
  return {
    relativePath,
    infoHash: HASH,
    fingerprints: { [relativePath]: { sizeBytes: 1, mtimeMs: 1, inode: 1 } },
    torrentFiles: [{ torrentPath: relativePath.split('/').at(-1) ?? relativePath, libraryPath: relativePath }],
    pieceCount: 1,
    probe: { durationSec: 1, container: 'mp4', videoCodec: null, audioCodec: null, embeddedTitle, ...(tags ? { tags } : {}) },
    addedAt: '2026-01-01T00:00:00.000Z'
  }
}

function nfo (facts: Partial<NfoFacts>): NfoFacts {
  return { kind: 'movie', title: null, originalTitle: null, year: null, plot: null, genres: [], runtimeMin: null, rating: null, season: null, episode: null, showTitle: null, ...facts }
}

const TAGS: MediaTags = { title: 'Tagged Title', artist: 'A', album: 'B', trackNumber: 1, year: 2001, genres: [], cover: false }

function item (path: string, metadata: Partial<ItemMetadata> = {}, tags?: MediaTags, embeddedTitle: string | null = null) {
  return toLibraryItem(stored(path, tags, embeddedTitle), '/lib', [], { ...NO_METADATA, ...metadata })
}

describe('title, year and show name by precedence', () => {
  it('a film: NFO, then its own title tag, then the name', () => {
    expect(item('Films/Alien.1979.1080p.mkv')).toMatchObject({ title: 'Alien (1979)', year: 1979 })
    expect(item('Films/Alien.1979.1080p.mkv', {}, undefined, 'Embedded Alien')).toMatchObject({ title: 'Embedded Alien', year: 1979 })
    expect(item('Films/Alien.1979.1080p.mkv', { nfo: nfo({ title: 'Alien', year: 1980 }) }, TAGS, 'Embedded Alien')).toMatchObject({ title: 'Alien', year: 1980 })
    expect(item('Films/Alien.1979.1080p.mkv', {}, TAGS)).toMatchObject({ year: 2001 })
  })

  it('an episode: tvshow.nfo names the show, the episode NFO its title and numbers', () => {
    const plain = item('Shows/The Show/Season 01/The Show S01E02.mkv')
    expect(plain).toMatchObject({ title: 'The Show S01E02', series: { name: 'The Show', season: 1, episode: 2 }, kind: 'episode' })
    const named = item('Shows/The Show/Season 01/The Show S01E02.mkv', { showNfo: nfo({ kind: 'tvshow', title: 'The Real Show' }), nfo: nfo({ kind: 'episode', showTitle: 'Ignored', season: 1, episode: 3 }) })
    expect(named).toMatchObject({ title: 'The Real Show S01E03', series: { name: 'The Real Show', season: 1, episode: 3 } })
    const titled = item('Shows/The Show/Season 01/The Show S01E02 - Pilot.mkv', { nfo: nfo({ kind: 'episode', title: 'Pilot (Extended)', showTitle: 'Show From Episode NFO' }) })
    expect(titled).toMatchObject({ title: 'Pilot (Extended)', series: { name: 'Show From Episode NFO' } })
  })

  it('a track: its title tag over the file name', () => {
    expect(item('Music/X/Y/01 - file name.mp3')).toMatchObject({ title: 'file name', kind: 'audio' })
    expect(item('Music/X/Y/01 - file name.mp3', {}, TAGS)).toMatchObject({ title: 'Tagged Title', year: 2001 })
  })
})
