/**
 * The catalog: what `GET /api/catalog` returns, shared by the seed node (which builds it)
 * and the PWA (which parses it at the boundary with `parseCatalog`).
 */
import { z } from 'zod'
import { MediaFacts } from './media-facts.ts'

/** A BitTorrent v1 infohash, 40 lowercase hex characters. It is also the item id. */
export const InfoHash = z.string().regex(/^[0-9a-f]{40}$/, 'infohash must be 40 lowercase hex characters')
export type InfoHash = z.infer<typeof InfoHash>

/** Kinds a user browses by. `episode` items carry `series`. */
export const ItemKind = z.enum(['film', 'episode', 'audio'])
export type ItemKind = z.infer<typeof ItemKind>

export const SubtitleTrack = z.object({
  /** Path of the subtitle file inside the item's torrent. */
  path: z.string().min(1),
  /** BCP 47-ish language tag guessed from the file name (`film.en.vtt` → `en`), or `und`. */
  language: z.string().min(1).max(35),
  /** Label shown in the player's track menu. */
  label: z.string().min(1).max(200),
  format: z.enum(['vtt', 'srt'])
})
export type SubtitleTrack = z.infer<typeof SubtitleTrack>

export const SeriesInfo = z.object({
  name: z.string().min(1),
  season: z.number().int().min(0),
  episode: z.number().int().min(0)
})
export type SeriesInfo = z.infer<typeof SeriesInfo>

export const CatalogItem = z.object({
  id: InfoHash,
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
  /** Magnet link naming the tracker and the web seed, as reachable from the caller. */
  magnet: z.string().startsWith('magnet:?'),
  posterUrl: z.string().nullable(),
  /** When the seed node first saw the file (ISO 8601). */
  addedAt: z.string().datetime(),
  /** `offline` when the file is known but cannot currently be read (disk unplugged). */
  availability: z.enum(['online', 'offline']),
  /** Codec strings, audio tracks and damage as ffprobe found them, and what editions this seed node makes (protocol/media-facts.ts). Absent without ffprobe. */
  media: MediaFacts.optional()
})
export type CatalogItem = z.infer<typeof CatalogItem>

export const Catalog = z.object({
  version: z.literal(1),
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
