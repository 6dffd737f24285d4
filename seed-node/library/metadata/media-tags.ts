/**
 * A file's tags as music-metadata reads them (ID3v1/v2, Vorbis comments in FLAC/Ogg/Opus, MP4
 * atoms, Matroska tags), cut to what the catalog uses and checked against the stored schema,
 * so an absurd tag (a 10 MB title, year 99999) is dropped rather than stored.
 */
import type { ICommonTagsResult } from 'music-metadata'
import { MediaTagsSchema, type MediaTags } from '../stored-item.ts'

const clean = (value: string | undefined | null, max = 500): string | null => {
  const trimmed = value?.replace(/\s+/g, ' ').trim()
  return trimmed === undefined || trimmed === '' ? null : trimmed.slice(0, max)
}

export function tagsOf (common: ICommonTagsResult): MediaTags {
  const year = common.year ?? (typeof common.date === 'string' ? Number(/^(\d{4})/.exec(common.date)?.[1]) : undefined)
  const tags: MediaTags = {
    title: clean(common.title),
    // The album artist names the album; a track's own artist may be "X feat. Y".
    artist: clean(common.albumartist) ?? clean(common.artist),
    album: clean(common.album),
    trackNumber: common.track.no !== null && Number.isInteger(common.track.no) && common.track.no >= 0 && common.track.no <= 10_000 ? common.track.no : null,
    year: year !== undefined && Number.isInteger(year) && year >= 1800 && year <= 3000 ? year : null,
    genres: (common.genre ?? []).map(genre => clean(genre, 100)).filter((genre): genre is string => genre !== null).slice(0, 20),
    cover: (common.picture?.length ?? 0) > 0
  }
  const checked = MediaTagsSchema.safeParse(tags)
  return checked.success ? checked.data : { title: null, artist: null, album: null, trackNumber: null, year: null, genres: [], cover: false }
}
