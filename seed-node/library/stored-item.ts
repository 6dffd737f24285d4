/**
 * What the state folder remembers of each library item: the fingerprints of its files, its
 * torrent and what the media probe found. Parsed with a schema when read back from disk.
 */
import { z } from 'zod'
import { InfoHash, MAX_FORMER_IDS } from '../../protocol/catalog.ts'
import { MediaFacts } from '../../protocol/media-facts.ts'

export const FileFingerprintSchema = z.object({
  sizeBytes: z.number().int().nonnegative(),
  mtimeMs: z.number().int(),
  inode: z.number().int().nonnegative()
})

/** What a file's own tags say (ID3, Vorbis comments, MP4 atoms, Matroska tags), read with music-metadata. */
export const MediaTagsSchema = z.object({
  title: z.string().max(500).nullable(),
  artist: z.string().max(500).nullable(),
  album: z.string().max(500).nullable(),
  trackNumber: z.number().int().min(0).max(10_000).nullable(),
  year: z.number().int().min(1800).max(3000).nullable(),
  genres: z.array(z.string().max(100)).max(20),
  /** The file carries a picture (ID3 APIC, FLAC picture, MP4 `covr`, a Matroska cover attachment). */
  cover: z.boolean()
})
export type MediaTags = z.infer<typeof MediaTagsSchema>

export const MediaProbeSchema = z.object({
  durationSec: z.number().nonnegative().nullable(),
  container: z.string(),
  videoCodec: z.string().nullable(),
  audioCodec: z.string().nullable(),
  /** Title from the file's own metadata, when it has one. */
  embeddedTitle: z.string().nullable(),
  /** What ffprobe found (codec strings, audio tracks, damage); absent without ffprobe or before it was asked. */
  facts: MediaFacts.omit({ editions: true, transcodeVideo: true, transcodeSpeed: true }).optional(),
  /** The file's tags; absent for items stored before tags were read (read once then, no rehash). */
  tags: MediaTagsSchema.optional()
})
export type MediaProbe = z.infer<typeof MediaProbeSchema>

export const StoredItemSchema = z.object({
  /** Library-relative path of the playable file; the item's key in the state folder. */
  relativePath: z.string().min(1),
  infoHash: InfoHash,
  /**
   * Library-relative path → fingerprint of the media file (items stored before sidecars left
   * the torrent also list their subtitles; those are migrated, docs/item-identity.md).
   */
  fingerprints: z.record(z.string(), FileFingerprintSchema),
  /** Torrent file path (inside the torrent, `/`-separated) → library-relative path. */
  torrentFiles: z.array(z.object({ torrentPath: z.string().min(1), libraryPath: z.string().min(1) })).min(1),
  pieceCount: z.number().int().positive(),
  probe: MediaProbeSchema,
  addedAt: z.string().datetime(),
  /**
   * `download`: the torrent is the one the household downloaded (it may hold subtitles and
   * is seeded as it came, never re-made). Absent: made by Hearth from the library file.
   */
  origin: z.literal('download').optional(),
  /** Ids the item had before (a folder torrent with subtitles, a replaced rip), newest first, bounded. */
  formerIds: z.array(InfoHash).max(MAX_FORMER_IDS).optional()
})
export type StoredItem = z.infer<typeof StoredItemSchema>

export const LibraryIndexSchema = z.object({
  version: z.literal(1),
  items: z.array(StoredItemSchema)
})
export type LibraryIndex = z.infer<typeof LibraryIndexSchema>
