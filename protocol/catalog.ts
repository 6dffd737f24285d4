/**
 * The catalog: what `GET /api/catalog` returns, shared by the seed node (which builds it)
 * and the PWA (which parses it at the boundary with `parseCatalog`).
 */
import { z } from 'zod'
import { MediaFacts } from './media-facts.ts'

/**
 * What an extra is, named as Jellyfin and Plex name them (`Film-trailer.mp4`, `Trailers/`,
 * `Behind The Scenes/`). Extras are listed under their film, not in the grid.
 */
export const ExtraKind = z.enum(['trailer', 'featurette', 'behind-the-scenes', 'deleted-scene', 'interview', 'scene', 'short', 'clip', 'extra'])
export type ExtraKind = z.infer<typeof ExtraKind>

/** A BitTorrent v1 infohash, 40 lowercase hex characters. It is also the item id. */
export const InfoHash = z.string().regex(/^[0-9a-f]{40}$/, 'infohash must be 40 lowercase hex characters')
export type InfoHash = z.infer<typeof InfoHash>

/** Kinds a user browses by. `episode` items carry `series`. */
export const ItemKind = z.enum(['film', 'episode', 'audio'])
export type ItemKind = z.infer<typeof ItemKind>

/** Subtitle file formats the seed node reads (each is served to the app as WebVTT). */
export const SubtitleFormat = z.enum(['vtt', 'srt', 'ass', 'ssa'])
export type SubtitleFormat = z.infer<typeof SubtitleFormat>

export const SubtitleTrack = z.object({
  /**
   * Where the subtitle file sits: its path relative to the item's folder in the library
   * (`Film.en.srt`, `Subs/English.srt`). Sidecars no longer travel inside the media torrent
   * (docs/item-identity.md), so this is a name to show and match, not a torrent path.
   */
  path: z.string().min(1),
  /** BCP 47-ish language tag guessed from the file name (`film.en.vtt` → `en`), or `und`. */
  language: z.string().min(1).max(35),
  /** Label shown in the player's track menu. */
  label: z.string().min(1).max(200),
  format: SubtitleFormat,
  /**
   * Origin-relative URL the seed node serves the track at, always as WebVTT in UTF-8
   * (`/api/catalog/<id>/subtitles/<n>.vtt`). It carries no credential: the app adds the
   * household credential (or the item's share token) as for any API call. Absent for
   * tracks that travel inside a foreign torrent.
   */
  url: z.string().startsWith('/').max(2048).optional(),
  /** Forced track (`Film.en.forced.srt`): only the foreign-language lines; on by default. Absent: false. */
  forced: z.boolean().optional(),
  /** Subtitles for the deaf and hard of hearing (`.sdh`, `.cc`, `.hi`). Absent: false. */
  sdh: z.boolean().optional(),
  /** The file is named as the default track (`Film.en.default.srt`). Absent: false. */
  default: z.boolean().optional(),
  /**
   * A text stream inside the media file (MKV, MP4), extracted by the seed node to WebVTT
   * once, rather than a file beside it: ffprobe's stream index and ffmpeg's codec name.
   * `path` then names the media file and the stream (`Film.mkv#2`). Absent: a file.
   */
  embedded: z.object({ stream: z.number().int().nonnegative().max(1023), codec: z.string().min(1).max(50) }).optional()
})
export type SubtitleTrack = z.infer<typeof SubtitleTrack>

/** A subtitle stream of the file that cannot be shown (pictures: PGS, VobSub, DVB), and why. */
export const SubtitleNotShown = z.object({
  language: z.string().min(1).max(35),
  label: z.string().min(1).max(200),
  /** ffmpeg's codec name (`hdmv_pgs_subtitle`). */
  codec: z.string().min(1).max(50),
  /** In words, for the player: `PGS (Blu-ray) subtitles are pictures; Hearth shows text subtitles only`. */
  reason: z.string().min(1).max(300)
})
export type SubtitleNotShown = z.infer<typeof SubtitleNotShown>

export const SeriesInfo = z.object({
  name: z.string().min(1),
  season: z.number().int().min(0),
  episode: z.number().int().min(0)
})
export type SeriesInfo = z.infer<typeof SeriesInfo>

/**
 * How an item reaches a browser: `direct` plays as it is (when the device's decoders allow,
 * see videoCodec/audioCodec), `edition` only through a browser edition the seed node makes
 * with ffmpeg (AVI, MPEG-TS, WMV, FLV containers no browser plays), `damaged` when the file
 * cannot be read (truncated or corrupt): the app says so instead of blaming the browser.
 */
export const Playable = z.enum(['direct', 'edition', 'damaged'])
export type Playable = z.infer<typeof Playable>

/** Bound on the aliases an item carries, so a file replaced again and again cannot bloat the catalog. */
export const MAX_FORMER_IDS = 32

export const CatalogItem = z.object({
  /**
   * The item's stable media id (docs/item-identity.md): the infohash of its single-file
   * media torrent as first made. It survives added, removed or edited subtitles (they are
   * not in the torrent) and renames or moves of the same content (the torrent is kept).
   */
  id: InfoHash,
  /**
   * Ids this item was known by before: the folder torrent that carried subtitles (before
   * sidecars left the torrent), or a different rip of the same film or episode that it
   * replaced. Watch records and `/watch/<id>` links under a former id belong to this item.
   * Absent: none.
   */
  formerIds: z.array(InfoHash).max(MAX_FORMER_IDS).optional(),
  /** Absent: `direct` (a seed node from before this field). */
  playable: Playable.optional(),
  title: z.string().min(1),
  kind: ItemKind,
  series: SeriesInfo.nullable(),
  /** Path of the playable file inside the item's torrent (the torrent may also carry subtitles). */
  mediaPath: z.string().min(1),
  /** Size of the playable file in bytes. */
  sizeBytes: z.number().int().nonnegative(),
  /** Pieces in the item's torrent (lets a client start without checking an empty store). */
  pieceCount: z.number().int().positive().optional(),
  durationSec: z.number().nonnegative().nullable(),
  /** MIME type to hand to `<video>` / `<audio>` (`video/mp4`, `video/webm`, ...). */
  mimeType: z.string().min(1),
  container: z.string().min(1),
  videoCodec: z.string().nullable(),
  audioCodec: z.string().nullable(),
  subtitles: z.array(SubtitleTrack),
  /** Subtitle streams inside the file that are not offered, with the reason. Absent: none. */
  subtitlesNotShown: z.array(SubtitleNotShown).max(64).optional(),
  /** Magnet link naming the tracker and the web seed, as reachable from the caller. */
  magnet: z.string().startsWith('magnet:?'),
  /**
   * Origin-relative URL of the item's picture (a poster or cover from the library, embedded
   * cover art, or a frame of the video), resized for a grid and cached immutably: its last
   * path segment changes when the picture does. It carries the caller's token in its path
   * (as the web seed does), so an `<img src>` needs no header. Null: no picture.
   */
  posterUrl: z.string().startsWith('/').max(2048).nullable(),
  /** Episodes: the show's (or season's) poster, for the show's card. Absent: none. */
  seriesPosterUrl: z.string().startsWith('/').max(2048).nullable().optional(),
  /** The plot or summary from an NFO file. Absent: none. */
  plot: z.string().min(1).max(10_000).optional(),
  /** Genres from an NFO file or tags. Absent: none. */
  genres: z.array(z.string().min(1).max(100)).max(20).optional(),
  /** The original title from an NFO file, when it differs from the title. */
  originalTitle: z.string().min(1).max(500).optional(),
  /** A rating from an NFO file (0–10). */
  rating: z.number().min(0).max(10).optional(),
  /** Audio: the track number from tags or the file name. */
  trackNumber: z.number().int().min(0).max(10_000).optional(),
  /**
   * A trailer, featurette or other extra, and the id of the film it belongs to (null when no
   * film was found beside it: then it is listed like any item). Absent: not an extra.
   */
  extra: z.object({ kind: ExtraKind, of: InfoHash.nullable() }).optional(),
  /** Release year: from an NFO file, the tags, or the name (`Film (2010).mkv` → 2010), in that order. */
  year: z.number().int().min(1800).max(3000).nullable().optional(),
  /** Audio: the artist and album, from tags or the `Artist/Album/01 Track.mp3` folders. */
  artist: z.string().min(1).max(500).nullable().optional(),
  album: z.string().min(1).max(500).nullable().optional(),
  /** When the seed node first saw the file (ISO 8601). */
  addedAt: z.string().datetime(),
  /** `offline` when the file is known but cannot currently be read (disk unplugged). */
  availability: z.enum(['online', 'offline']),
  /** Codec strings, audio tracks and damage as ffprobe found them, and what editions this seed node makes (protocol/media-facts.ts). Absent without ffprobe. */
  media: MediaFacts.optional()
})
export type CatalogItem = z.infer<typeof CatalogItem>

/**
 * Where a catalog stands in the seed node's history of changes, opaque to the app: it sends it
 * back as `?since=` to get only what changed (protocol/catalog-delta.ts). It names the seed
 * node's run, a change counter and the caller's view (the origin and credential its magnets
 * carry), so a revision from another run or another view is unknown and answered in full.
 */
export const CatalogRevision = z.string().regex(/^[\w.-]{1,120}$/, 'catalog revision must be 1-120 letters, digits, dots, dashes or underscores')
export type CatalogRevision = z.infer<typeof CatalogRevision>

export const Catalog = z.object({
  version: z.literal(1),
  /** The revision this document shows (whole catalogs only, not pages). Absent: a seed node from before deltas. */
  revision: CatalogRevision.optional(),
  libraryName: z.string(),
  /** WebSocket announce URL of the household tracker, as reachable from the caller. */
  trackerUrl: z.string().regex(/^wss?:\/\//),
  /** Items in the whole library (a page may hold fewer). */
  total: z.number().int().nonnegative().optional(),
  /** Index of the first item of this page. */
  offset: z.number().int().nonnegative().optional(),
  items: z.array(CatalogItem)
})
export type Catalog = z.infer<typeof Catalog>

export class CatalogFormatError extends Error {
  readonly code = 'HEARTH_E_BAD_CATALOG'
  constructor (detail: string) {
    super(`catalog rejected: ${detail}`)
  }
}

/** Parses untrusted JSON (already `JSON.parse`d) into a typed catalog, or throws `CatalogFormatError`. */
export function parseCatalog (input: unknown): Catalog {
  const result = Catalog.safeParse(input)
  if (!result.success) {
    const first = result.error.issues[0]
    throw new CatalogFormatError(first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid')
  }
  return result.data
}
