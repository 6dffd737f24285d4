/**
 * The ffmpeg command line for one run of one browser edition (edition-layout.ts): from the
 * start of segment `startSegment` to the end of the film, the chosen audio track converted to
 * AAC (copied when it already is AAC), the video copied (or converted to H.264 with
 * `--transcode-video`), subtitles and data left out, written as fMP4 HLS segments numbered
 * on the edition's time line. Pure, so it is tested alone.
 *
 * Timestamps are the file's own (`-copyts`, kept in each fragment's `tfdt` with
 * `frag_discont`), so segments made by different runs line up in the player. Copied video can
 * start only at a keyframe: the video is read from a second opening of the file that seeks a
 * little past the segment start (`KEYFRAME_TOLERANCE_SEC`), so a keyframe stored a millisecond
 * after the boundary is the one used, as the run from the start cut there; the audio is read
 * from exactly the boundary, so runs join without a hole in the sound.
 */
import type { EditionRequest } from '../../protocol/api/editions.ts'

/** Stereo AAC at this rate is transparent for film soundtracks and plays on every browser. */
const AAC_BITRATE = '192k'
/** How far past a segment boundary a copied video's keyframe may lie and still open that segment. */
const KEYFRAME_TOLERANCE_SEC = 0.25
/** The name ffmpeg's own playlist gets: read for progress, never served (the seed node serves the whole-film one). */
export const RUN_PLAYLIST = 'run.m3u8'

export interface EditionInput {
  absolutePath: string
  /** Codec string of the video track (protocol/media-facts.ts), or null for audio-only files. */
  videoCodec: string | null
  /** Codec string of the requested audio track, or null when the file has none. */
  audioCodec: string | null
}

export interface EditionRun {
  startSegment: number
  segmentSec: number
}

function seconds (value: number): string {
  return value.toFixed(3)
}

export function editionArgs (input: EditionInput, request: EditionRequest, outputDir: string, run: EditionRun): string[] {
  const startSec = run.startSegment * run.segmentSec
  const copyVideo = input.videoCodec !== null && request.video === 'copy'
  // Input 0 feeds audio (and converted video); input 1, when copying video, feeds the video.
  const inputs = [
    '-copyts', '-ss', seconds(startSec), '-i', input.absolutePath,
    ...(copyVideo ? ['-copyts', '-ss', seconds(startSec + KEYFRAME_TOLERANCE_SEC), '-i', input.absolutePath] : [])
  ]
  const video = input.videoCodec === null
    ? ['-vn']
    : request.video === 'h264'
      ? ['-map', '0:v:0', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '21', '-pix_fmt', 'yuv420p', '-profile:v', 'high',
          // Keyframes on the edition's grid (`t` counts from this run's start, itself on the grid), so each segment starts where the time line says.
          '-force_key_frames', `expr:gte(t,n_forced*${run.segmentSec})`]
      // Apple players want HEVC tagged `hvc1` in MP4; the tag changes nothing else.
      : ['-map', '1:v:0', '-c:v', 'copy', ...(/^(hvc1|hev1)\./.test(input.videoCodec) ? ['-tag:v', 'hvc1'] : [])]
  const audio = input.audioCodec === null
    ? ['-an']
    : ['-map', `0:a:${request.audioTrack}`, ...(input.audioCodec.startsWith('mp4a.40.') ? ['-c:a', 'copy'] : ['-c:a', 'aac', '-b:a', AAC_BITRATE, '-ac', '2'])]
  return [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-y',
    // key=value progress lines on stdout (`speed=1.5x`): the conversion's speed, for the estimate.
    '-progress', 'pipe:1', '-stats_period', '1',
    ...inputs,
    ...video,
    ...audio,
    '-sn', '-dn',
    '-avoid_negative_ts', 'disabled',
    '-f', 'hls',
    '-hls_time', String(run.segmentSec),
    '-hls_playlist_type', 'event',
    '-hls_segment_type', 'fmp4',
    '-hls_segment_options', 'movflags=+frag_discont',
    '-hls_fmp4_init_filename', 'init.mp4',
    '-start_number', String(run.startSegment),
    '-hls_segment_filename', `${outputDir}/seg-%05d.m4s`,
    // temp_file: a segment appears under its name only once written, so a reader never gets half of one.
    '-hls_flags', 'independent_segments+temp_file',
    `${outputDir}/${RUN_PLAYLIST}`
  ]
}

/** Seconds of film this run has written, from a chunk of ffmpeg's `-progress` output (`out_time_us=`), or null. */
export function progressOutSec (chunk: string): number | null {
  const last = [...chunk.matchAll(/^out_time_us=(\d+)/gm)].at(-1)?.[1]
  return last === undefined ? null : Number(last) / 1e6
}
