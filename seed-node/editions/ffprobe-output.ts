/**
 * ffprobe's JSON (`-show_streams -show_format -of json`), parsed at the process boundary
 * into the facts the catalog carries (protocol/media-facts.ts). Unknown fields are ignored;
 * a stream that does not parse is skipped, not fatal.
 */
import { z } from 'zod'
import { AudioTrackFacts, EmbeddedSubtitleFacts, MAX_AUDIO_TRACKS, MAX_EMBEDDED_SUBTITLES, type VideoTrackFacts } from '../../protocol/media-facts.ts'
import { codecStringOf } from './codec-string.ts'

const Stream = z.object({
  index: z.number().int().nonnegative().optional(),
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  profile: z.string().optional(),
  level: z.number().optional(),
  codec_tag_string: z.string().optional(),
  bits_per_raw_sample: z.string().optional(),
  pix_fmt: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  channels: z.number().optional(),
  disposition: z.object({ default: z.number(), attached_pic: z.number(), forced: z.number(), hearing_impaired: z.number() }).partial().optional(),
  tags: z.record(z.string(), z.string()).optional()
})
type Stream = z.infer<typeof Stream>

export const FfprobeOutput = z.object({
  streams: z.array(z.unknown()).default([]),
  format: z.object({
    format_name: z.string().optional(),
    duration: z.string().optional()
  }).optional()
})

/** The facts the file itself gives (the seed node adds what it can do about them). */
export interface ProbedFacts {
  container: string
  video: VideoTrackFacts | null
  audio: AudioTrackFacts[]
  subtitles: EmbeddedSubtitleFacts[]
  damaged: string | null
  durationSec: number | null
}

function bitDepthOf (stream: Stream): number | null {
  const raw = Number(stream.bits_per_raw_sample)
  if (Number.isInteger(raw) && raw > 0) return raw
  return /p10|p12/.test(stream.pix_fmt ?? '') ? 10 : null
}

function codecOf (stream: Stream & { codec_name: string }): string {
  const tag = stream.codec_tag_string ?? ''
  return codecStringOf({
    codecName: stream.codec_name,
    profile: stream.profile ?? null,
    level: typeof stream.level === 'number' && stream.level >= 0 ? stream.level : null,
    codecTag: /^[a-z0-9]{4}$/i.test(tag) ? tag : null,
    bitDepth: bitDepthOf(stream)
  })
}

const tagOf = (stream: Stream, name: string): string | null => {
  const value = stream.tags?.[name] ?? stream.tags?.[name.toUpperCase()]
  const trimmed = value?.trim().slice(0, 200)
  return trimmed ? trimmed : null
}

/** Parses ffprobe's JSON output (already `JSON.parse`d); throws on a shape that is not ffprobe's. */
export function factsFromFfprobe (json: unknown): ProbedFacts {
  const output = FfprobeOutput.parse(json)
  const streams = output.streams.flatMap(raw => {
    const parsed = Stream.safeParse(raw)
    return parsed.success && parsed.data.codec_name !== undefined ? [{ ...parsed.data, codec_name: parsed.data.codec_name }] : []
  })
  // Cover art is a "video" stream in MKV and MP4: skip it.
  const videoStream = streams.find(stream => stream.codec_type === 'video' && stream.disposition?.attached_pic !== 1)
  const audio = streams.filter(stream => stream.codec_type === 'audio').slice(0, MAX_AUDIO_TRACKS).map((stream, index) => {
    const language = tagOf(stream, 'language')
    return AudioTrackFacts.parse({
      index,
      codec: codecOf(stream),
      language: language === null || language === 'und' ? null : language.slice(0, 35),
      title: tagOf(stream, 'title'),
      channels: typeof stream.channels === 'number' && stream.channels > 0 ? Math.min(stream.channels, 64) : null,
      isDefault: stream.disposition?.default === 1
    })
  })
  const subtitles = streams.filter(stream => stream.codec_type === 'subtitle' && stream.index !== undefined).slice(0, MAX_EMBEDDED_SUBTITLES).map(stream => {
    const language = tagOf(stream, 'language')
    return EmbeddedSubtitleFacts.parse({
      stream: stream.index,
      codec: stream.codec_name.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 50),
      language: language === null || language === 'und' ? null : language.slice(0, 35),
      title: tagOf(stream, 'title'),
      forced: stream.disposition?.forced === 1,
      isDefault: stream.disposition?.default === 1,
      hearingImpaired: stream.disposition?.hearing_impaired === 1
    })
  })
  const duration = Number(output.format?.duration)
  return {
    container: (output.format?.format_name ?? 'unknown').slice(0, 80) || 'unknown',
    video: videoStream === undefined
      ? null
      : { codec: codecOf(videoStream), width: videoStream.width ?? null, height: videoStream.height ?? null },
    audio,
    subtitles,
    damaged: videoStream === undefined && audio.length === 0 ? 'the file holds no audio or video stream ffprobe can read' : null,
    durationSec: Number.isFinite(duration) && duration >= 0 ? duration : null
  }
}
