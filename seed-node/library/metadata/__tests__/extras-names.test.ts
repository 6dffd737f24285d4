/** Samples, trailers and extras by Jellyfin's and Plex's names, and which film each belongs to. */
import { describe, it, expect } from 'vitest'
import { assignExtras, classifyExtra } from '../extras-names.ts'

const TABLE: ReadonlyArray<[string, string | null]> = [
  ['Films/Alien (1979)/Alien (1979).mkv', null],
  ['Films/Alien (1979)/Alien (1979)-trailer.mp4', 'trailer'],
  ['Films/Alien (1979)/Alien (1979).trailer.mkv', 'trailer'],
  ['Films/Alien (1979)/Alien (1979)_trailer.mkv', 'trailer'],
  ['Films/Alien (1979)/trailer.mp4', 'trailer'],
  ['Films/Alien (1979)/Trailer.MKV', 'trailer'],
  ['Films/Alien (1979)/Trailers/Teaser 2.mp4', 'trailer'],
  ['Films/Alien (1979)/sample.mkv', 'sample'],
  ['Films/Alien (1979)/Alien.1979.1080p.BluRay.x264-GRP-sample.mkv', 'sample'],
  ['Films/Alien (1979)/alien.1979.1080p.bluray.x264.sample.mkv', 'sample'],
  ['Films/Alien (1979)/Sample/alien-sample.mkv', 'sample'],
  ['Films/Alien (1979)/Samples/grp.mkv', 'sample'],
  ['Films/Alien (1979)/Alien (1979)-featurette.mp4', 'featurette'],
  ['Films/Alien (1979)/Alien (1979)-behindthescenes.mp4', 'behind-the-scenes'],
  ['Films/Alien (1979)/Alien (1979)-deleted.mp4', 'deleted-scene'],
  ['Films/Alien (1979)/Alien (1979)-interview.mp4', 'interview'],
  ['Films/Alien (1979)/Alien (1979)-scene.mp4', 'scene'],
  ['Films/Alien (1979)/Alien (1979)-short.mp4', 'short'],
  ['Films/Alien (1979)/Alien (1979)-other.mp4', 'extra'],
  ['Films/Alien (1979)/Extras/Making of.mp4', 'extra'],
  ['Films/Alien (1979)/Featurettes/Design.mp4', 'featurette'],
  ['Films/Alien (1979)/Behind The Scenes/Set.mp4', 'behind-the-scenes'],
  ['Films/Alien (1979)/Deleted Scenes/Cut.mp4', 'deleted-scene'],
  ['Films/Alien (1979)/Interviews/Ridley.mp4', 'interview'],
  ['Films/Alien (1979)/Shorts/Short.mp4', 'short'],
  ['Films/Alien (1979)/Other/Thing.mp4', 'extra'],
  // Films whose names only look like extras.
  ['Films/The Interview (2014).mkv', null],
  ['Films/The.Interview.2014.1080p.mkv', null],
  ['Films/Short Circuit (1986).mkv', null],
  ['Films/The Other Side of the Wind.mkv', null],
  ['Films/Sample People.mkv', null],
  ['Films/Trailer Park Boys (1999).mkv', null],
  // Music is never an extra, even in an "Other" folder.
  ['Music/Other/trailer.mp3', null],
  // A season's episodes in an oddly named folder are not extras unless the folder is an extras folder.
  ['Shows/Extras/Season 01/Extras S01E01.mkv', null]
]

describe('classifyExtra', () => {
  it.each(TABLE)('%s → %s', (relativePath, kind) => {
    expect(classifyExtra(relativePath)?.kind ?? null).toBe(kind)
  })
})

describe('assignExtras', () => {
  it('gives each extra its film: by name beside it, or the only film of the folder above an extras folder', () => {
    const assigned = assignExtras([
      'Films/Alien (1979)/Alien (1979).mkv',
      'Films/Alien (1979)/Alien (1979)-trailer.mp4',
      'Films/Alien (1979)/Trailers/Teaser.mp4',
      'Films/Alien (1979)/Featurettes/Alien (1979)-featurette.mp4',
      'Films/Alien (1979)/sample.mkv',
      'Films/Many/One.mkv',
      'Films/Many/Two.mkv',
      'Films/Many/Two-trailer.mkv',
      'Films/Many/trailer.mkv',
      'Films/Many/Extras/bonus.mkv',
      'Films/Orphan/Trailers/lonely.mp4'
    ])
    expect(Object.fromEntries(assigned)).toEqual({
      'Films/Alien (1979)/Alien (1979)-trailer.mp4': { kind: 'trailer', ownerPath: 'Films/Alien (1979)/Alien (1979).mkv' },
      'Films/Alien (1979)/Trailers/Teaser.mp4': { kind: 'trailer', ownerPath: 'Films/Alien (1979)/Alien (1979).mkv' },
      'Films/Alien (1979)/Featurettes/Alien (1979)-featurette.mp4': { kind: 'featurette', ownerPath: 'Films/Alien (1979)/Alien (1979).mkv' },
      'Films/Many/Two-trailer.mkv': { kind: 'trailer', ownerPath: 'Films/Many/Two.mkv' },
      // Two films beside a bare `trailer.mkv` or an `Extras/` folder: whose it is cannot be told.
      'Films/Many/trailer.mkv': { kind: 'trailer', ownerPath: null },
      'Films/Many/Extras/bonus.mkv': { kind: 'extra', ownerPath: null },
      'Films/Orphan/Trailers/lonely.mp4': { kind: 'trailer', ownerPath: null }
    })
  })
})
