/**
 * The ffmpeg command line for one browser edition: the chosen audio track converted to AAC
 * (copied when it already is AAC), the video copied (or converted to H.264 with
 * `--transcode-video`), subtitles and data left out, written as fMP4 HLS segments whose
 * playlist grows while ffmpeg works (`-hls_playlist_type event`). Pure, so it is tested alone.
 */
import type { EditionRequest } from '../../protocol/api/editions.ts'

/** Target segment length: short enough that the first one is ready within seconds. */
export const SEGMENT_SEC = 4
/** Stereo AAC at this rate is transparent for film soundtracks and plays on every browser. */
const AAC_BITRATE = '192k'

export interface EditionInput {
  absolutePath: string
  /** Codec string of the video track (protocol/media-facts.ts), or null for audio-only files. */
  videoCodec: string | null
  /** Codec string of the requested audio track, or null when the file has none. */
  audioCodec: string | null
}

export function editionArgs (input: EditionInput, request: EditionRequest, outputDir: string): string[] {
  const video = input.videoCodec === null
    ? ['-vn']
    : request.video === 'h264'
      ? ['-map', '0:v:0', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '21', '-pix_fmt', 'yuv420p', '-profile:v', 'high']
      // Apple players want HEVC tagged `hvc1` in MP4; the tag changes nothing else.
      : ['-map', '0:v:0', '-c:v', 'copy', ...(/^(hvc1|hev1)\./.test(input.videoCodec) ? ['-tag:v', 'hvc1'] : [])]
  const audio = input.audioCodec === null
    ? ['-an']
    : ['-map', `0:a:${request.audioTrack}`, ...(input.audioCodec.startsWith('mp4a.40.') ? ['-c:a', 'copy'] : ['-c:a', 'aac', '-b:a', AAC_BITRATE, '-ac', '2'])]
  return [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-y',
    '-i', input.absolutePath,
    ...video,
    ...audio,
    '-sn', '-dn',
    '-f', 'hls',
    '-hls_time', String(SEGMENT_SEC),
    '-hls_playlist_type', 'event',
    '-hls_segment_type', 'fmp4',
    '-hls_fmp4_init_filename', 'init.mp4',
    '-hls_segment_filename', `${outputDir}/seg-%05d.m4s`,
    // temp_file: a segment appears under its name only once written, so a reader never gets half of one.
    '-hls_flags', 'independent_segments+temp_file',
    `${outputDir}/index.m3u8`
  ]
}

/** Seconds of media a (possibly growing) playlist lists, and whether it is complete. */
export function playlistProgress (playlist: string): { preparedSec: number, complete: boolean } {
  let preparedSec = 0
  for (const match of playlist.matchAll(/^#EXTINF:([\d.]+)/gm)) preparedSec += Number(match[1])
  return { preparedSec, complete: /^#EXT-X-ENDLIST/m.test(playlist) }
}
