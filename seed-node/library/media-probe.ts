/**
 * Reads duration, container and codecs from a media file: the system's ffprobe for the
 * precise facts browsers decide by (RFC 6381 codec strings, audio tracks, damage;
 * seed-node/editions/ffprobe-media.ts), and music-metadata (pure JS) for the title and as
 * the fallback where there is no ffprobe.
 */
import { mediaTypeOf } from '../../protocol/media-types.ts'
import { ffprobeMedia } from '../editions/ffprobe-media.ts'
import type { ProbedFacts } from '../editions/ffprobe-output.ts'
import type { MediaProbe } from './stored-item.ts'
import { tagsOf } from './metadata/media-tags.ts'

/** music-metadata (~0.2 MB of code) loads with the first file probed, not at start: a restart probes nothing. */
async function musicMetadata (): Promise<typeof import('music-metadata')> {
  return await import('music-metadata')
}

const UNKNOWN: MediaProbe = { durationSec: null, container: 'unknown', videoCodec: null, audioCodec: null, embeddedTitle: null }

/**
 * Video files only: music files play in every browser (MP3, AAC, FLAC, Opus), music-metadata
 * reads them well, and a music library of thousands of tracks would pay one ffprobe process each.
 */
function wantsFfprobe (absolutePath: string): boolean {
  return mediaTypeOf(absolutePath)?.kind !== 'audio'
}

/** Never throws: a file it cannot understand is still listed, with what is known (and `facts.damaged` when ffprobe says so). */
export async function probeMedia (absolutePath: string): Promise<MediaProbe & { error?: string }> {
  const [basic, facts] = await Promise.all([probeWithMusicMetadata(absolutePath), wantsFfprobe(absolutePath) ? ffprobeMedia(absolutePath) : null])
  if (facts === null) return basic
  const { durationSec, ...kept } = facts
  return {
    ...basic,
    durationSec: basic.durationSec ?? durationSec,
    videoCodec: basic.videoCodec ?? facts.video?.codec ?? null,
    audioCodec: basic.audioCodec ?? facts.audio[0]?.codec ?? null,
    facts: kept,
    ...(facts.damaged !== null ? { error: facts.damaged } : {})
  }
}

/** ffprobe's facts alone, for items stored before ffprobe was asked; null without ffprobe. */
export async function probeFacts (absolutePath: string): Promise<Omit<ProbedFacts, 'durationSec'> | null> {
  const facts = wantsFfprobe(absolutePath) ? await ffprobeMedia(absolutePath) : null
  if (facts === null) return null
  const { durationSec: _unused, ...kept } = facts
  return kept
}

/** Tags alone, for items stored before tags were read; null when the file cannot be parsed. */
export async function probeTags (absolutePath: string): Promise<MediaProbe['tags'] | null> {
  try {
    return tagsOf((await (await musicMetadata()).parseFile(absolutePath, { duration: false, skipCovers: false, skipPostHeaders: true })).common)
  } catch {
    return null
  }
}

async function probeWithMusicMetadata (absolutePath: string): Promise<MediaProbe & { error?: string }> {
  try {
    // Covers are read (not kept) to learn whether the file has one: art is made from it later.
    const meta = await (await musicMetadata()).parseFile(absolutePath, { duration: true, skipCovers: false })
    const tracks = meta.format.trackInfo ?? []
    const codecName = (name: string | undefined) => name?.replace(/^<|>$/g, '') ?? null
    const video = tracks.find(track => track.video !== undefined || /avc|hevc|vp[089]|av1|h26[45]/i.test(track.codecName ?? ''))
    const audio = tracks.find(track => track !== video && (track.audio !== undefined || /aac|opus|vorbis|mp3|flac|ac-?3/i.test(track.codecName ?? '')))
    return {
      durationSec: typeof meta.format.duration === 'number' && Number.isFinite(meta.format.duration) ? meta.format.duration : null,
      container: meta.format.container ?? 'unknown',
      videoCodec: codecName(video?.codecName),
      audioCodec: codecName(audio?.codecName) ?? meta.format.codec ?? null,
      embeddedTitle: meta.common.title?.trim() || null,
      tags: tagsOf(meta.common)
    }
  } catch (err) {
    return { ...UNKNOWN, error: err instanceof Error ? err.message : String(err) }
  }
}
