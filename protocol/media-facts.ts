/**
 * What the seed node's ffprobe found in a media file, in the words browsers use: RFC 6381
 * codec strings (`avc1.64001f`, `hvc1.1.6.L93.B0`, `mp4a.40.2`, `ac-3`, `ec-3`, `opus`),
 * so each device can ask its own decoders (`MediaSource.isTypeSupported`) before play.
 * Carried in the catalog as `CatalogItem.media` (absent from seed nodes without ffprobe).
 */
import { z } from 'zod'

/** Longest codec string accepted (RFC 6381 strings are short; ffmpeg names shorter still). */
const MAX_CODEC_CHARS = 64

/**
 * A codec as the browser names it (RFC 6381), or `ffmpeg:<name>` for codecs no browser
 * decodes and RFC 6381 does not name (`ffmpeg:mpeg2video`, `ffmpeg:wmav2`, `ffmpeg:truehd`).
 */
export const CodecString = z.string().min(1).max(MAX_CODEC_CHARS).regex(/^[A-Za-z0-9.:_-]+$/)

export const VideoTrackFacts = z.object({
  codec: CodecString,
  width: z.number().int().nonnegative().nullable(),
  height: z.number().int().nonnegative().nullable()
})
export type VideoTrackFacts = z.infer<typeof VideoTrackFacts>

export const AudioTrackFacts = z.object({
  /** Position among the file's audio tracks (0 = first), as an edition names it. */
  index: z.number().int().nonnegative(),
  codec: CodecString,
  /** ISO 639-2 code from the file (`eng`), or null when the file says none / `und`. */
  language: z.string().min(2).max(35).nullable(),
  /** The track's own title (`Director's commentary`), or null. */
  title: z.string().max(200).nullable(),
  channels: z.number().int().positive().max(64).nullable(),
  /** The file marks it as the default track. */
  isDefault: z.boolean()
})
export type AudioTrackFacts = z.infer<typeof AudioTrackFacts>

/** Most audio tracks listed per item (a disc rip can hold dozens of dubs). */
export const MAX_AUDIO_TRACKS = 32

/**
 * A subtitle stream inside the media file (MKV, MP4), as ffprobe describes it. Text streams
 * (`subrip`, `ass`, `ssa`, `mov_text`, `webvtt`) are extracted once to WebVTT and offered
 * beside the sidecar files; picture streams (`hdmv_pgs_subtitle`, `dvd_subtitle`,
 * `dvb_subtitle`) are listed as not shown, with the reason.
 */
export const EmbeddedSubtitleFacts = z.object({
  /** ffprobe's stream index in the file (`-map 0:<stream>`): the key of its extracted copy. */
  stream: z.number().int().nonnegative().max(1023),
  /** ffmpeg's codec name (`subrip`, `ass`, `mov_text`, `hdmv_pgs_subtitle`). */
  codec: z.string().min(1).max(50).regex(/^[a-z0-9_]+$/),
  /** ISO 639-2 code from the file (`eng`), or null when it says none / `und`. */
  language: z.string().min(2).max(35).nullable(),
  title: z.string().max(200).nullable(),
  forced: z.boolean(),
  isDefault: z.boolean(),
  /** Marked for the hearing impaired (SDH). */
  hearingImpaired: z.boolean()
})
export type EmbeddedSubtitleFacts = z.infer<typeof EmbeddedSubtitleFacts>

/** Most embedded subtitle streams listed per item (a disc remux can carry forty). */
export const MAX_EMBEDDED_SUBTITLES = 64

/** How the seed node can help a device that cannot play the file as it is. */
export const EditionSupport = z.enum(['on-demand', 'off', 'no-ffmpeg'])
export type EditionSupport = z.infer<typeof EditionSupport>

export const MediaFacts = z.object({
  /** The file's container as ffprobe names it (`matroska,webm`, `mov,mp4,m4a,3gp,3g2,mj2`, `avi`, `mpegts`). */
  container: z.string().min(1).max(80),
  video: VideoTrackFacts.nullable(),
  audio: z.array(AudioTrackFacts).max(MAX_AUDIO_TRACKS),
  /** Subtitle streams inside the file. Absent: probed before embedded subtitles were read (asked again once). */
  subtitles: z.array(EmbeddedSubtitleFacts).max(MAX_EMBEDDED_SUBTITLES).optional(),
  /** Why the file cannot be read (truncated, corrupt), or null when ffprobe read it. */
  damaged: z.string().max(300).nullable(),
  /** Whether this seed node makes browser editions (`--editions`, and ffmpeg being present). */
  editions: EditionSupport,
  /** Whether the seed node may convert video too (`--transcode-video`), not only audio and container. */
  transcodeVideo: z.boolean(),
  /**
   * How fast the seed node converts this item's picture to H.264, × real time, from a test
   * conversion it timed at start (scaled to the item's picture size, at 24 frames a second).
   * Absent or null: not measured (no `--transcode-video`, or still measuring).
   */
  transcodeSpeed: z.number().positive().max(10_000).nullable().optional()
})
export type MediaFacts = z.infer<typeof MediaFacts>
