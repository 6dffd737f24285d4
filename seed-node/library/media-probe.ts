/** Reads duration, container and codecs from a media file's headers (pure JS, no ffprobe). */
import { parseFile } from 'music-metadata'
import type { MediaProbe } from './stored-item.ts'

const UNKNOWN: MediaProbe = { durationSec: null, container: 'unknown', videoCodec: null, audioCodec: null, embeddedTitle: null }

/** Never throws: a file it cannot understand is still playable, it just has no metadata. */
export async function probeMedia (absolutePath: string): Promise<MediaProbe & { error?: string }> {
  try {
    const meta = await parseFile(absolutePath, { duration: true, skipCovers: true })
    const tracks = meta.format.trackInfo ?? []
    const codecName = (name: string | undefined) => name?.replace(/^<|>$/g, '') ?? null
    const video = tracks.find(track => track.video !== undefined || /avc|hevc|vp[089]|av1|h26[45]/i.test(track.codecName ?? ''))
    const audio = tracks.find(track => track !== video && (track.audio !== undefined || /aac|opus|vorbis|mp3|flac|ac-?3/i.test(track.codecName ?? '')))
    return {
      durationSec: typeof meta.format.duration === 'number' && Number.isFinite(meta.format.duration) ? meta.format.duration : null,
      container: meta.format.container ?? 'unknown',
      videoCodec: codecName(video?.codecName),
      audioCodec: codecName(audio?.codecName) ?? meta.format.codec ?? null,
      embeddedTitle: meta.common.title?.trim() || null
    }
  } catch (err) {
    return { ...UNKNOWN, error: err instanceof Error ? err.message : String(err) }
  }
}
