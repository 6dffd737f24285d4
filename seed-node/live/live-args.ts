/**
 * The ffmpeg command line of one live channel: the input by source kind, then fMP4 (CMAF) HLS
 * with short independent segments into the channel's ring folder. Pure, so every choice is
 * tested without running ffmpeg.
 *  - H.264 from the source is copied (a Pi camera, most IP cameras): no decode, no encode,
 *    almost no CPU. Segments are then cut at the source's keyframes, so a camera whose GOP is
 *    longer than `--live-segment` gives longer segments (set its keyframe interval to 1-2 s).
 *  - Anything else is encoded with libx264 `veryfast`/`zerolatency` (no B-frames, no
 *    look-ahead) and a keyframe forced at every segment boundary.
 *  - Audio becomes AAC (copied when it already is).
 *  - `delete_segments` keeps `listSize` segments in the playlist and deletes older ones
 *    (ffmpeg keeps `hls_delete_threshold` more for viewers still fetching them): the ring.
 *  - Names carry the run id (`<run>-<sequence>.m4s`, `init-<run>.mp4`), so a name is never
 *    reused for other bytes across restarts and segments can be cached as immutable.
 */
import path from 'node:path'
import type { LiveSource } from './live-source.ts'

/** Segments ffmpeg keeps past the playlist window before deleting them. */
export const DELETE_THRESHOLD_SEGMENTS = 2
export const PLAYLIST_FILE = 'index.m3u8'
const AUDIO_BITRATE = '96k'
/** Seconds without data after which an RTSP read gives up (ffmpeg takes microseconds). */
const RTSP_TIMEOUT_US = 10 * 1000 * 1000

export interface SourceFacts {
  /** ffprobe's codec_name of the first video stream (`h264`, `mjpeg`, `rawvideo`), or null when there is none. */
  videoCodec: string | null
  audioCodec: string | null
}

export interface RingLayout {
  dir: string
  /** Short, unique per ffmpeg run (base36 time). */
  runId: string
  segmentSec: number
  /** Segments in the playlist: the DVR window divided by the segment length. */
  listSize: number
}

/** The synthetic source: testsrc2 with the wall clock burned in (read back by the latency bench), and a tone. */
const TESTSRC_VIDEO = "testsrc2=size=640x360:rate=25,drawtext=text='%{localtime\\:%T}':fontsize=40:fontcolor=white:box=1:boxcolor=black@0.6:x=16:y=16"
const TESTSRC_AUDIO = 'sine=frequency=440:sample_rate=48000'

/** Segments in the playlist for a window. */
export function listSizeFor (windowSec: number, segmentSec: number): number {
  return Math.max(3, Math.ceil(windowSec / segmentSec))
}

/** The most files a ring folder holds: its segments and the one being written, the init segment, the playlist and its temporary copy. */
export function ringFileBound (listSize: number): number {
  return listSize + DELETE_THRESHOLD_SEGMENTS + 1 + 1 + 2
}

/** What ffprobe is given to look at the source (no real-time pacing, no looping). */
export function probeInputArgs (source: LiveSource): string[] | null {
  switch (source.kind) {
    case 'testsrc': return null // known: raw video and PCM audio
    case 'push': return null // known from the publisher's first messages (push/push-feed.ts)
    case 'device': return ['-f', 'v4l2', source.path]
    case 'network': return source.url.startsWith('rtsp') ? ['-rtsp_transport', 'tcp', source.url] : [source.url]
    case 'loop':
    case 'file': return [source.path]
  }
}

export const TESTSRC_FACTS: SourceFacts = { videoCodec: 'rawvideo', audioCodec: 'pcm_s16le' }

function inputArgs (source: LiveSource): string[] {
  switch (source.kind) {
    case 'testsrc': return ['-re', '-f', 'lavfi', '-i', TESTSRC_VIDEO, '-re', '-f', 'lavfi', '-i', TESTSRC_AUDIO]
    // FLV made from the publisher's RTMP messages by the seed node (push/flv-tags.ts); paced by the publisher.
    case 'push': return ['-f', 'flv', '-i', 'pipe:0']
    case 'device': return ['-f', 'v4l2', '-thread_queue_size', '64', '-i', source.path]
    case 'network': return source.url.startsWith('rtsp')
      ? ['-rtsp_transport', 'tcp', '-timeout', String(RTSP_TIMEOUT_US), '-i', source.url]
      : ['-i', source.url]
    case 'loop': return ['-re', '-stream_loop', '-1', '-i', source.path]
    case 'file': return ['-re', '-i', source.path]
  }
}

function videoArgs (facts: SourceFacts, segmentSec: number): string[] {
  if (facts.videoCodec === 'h264') return ['-c:v', 'copy']
  return [
    '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p',
    // An independent segment starts with a keyframe: one at every boundary, none from scene cuts between.
    '-force_key_frames', `expr:gte(t,n_forced*${segmentSec})`, '-sc_threshold', '0'
  ]
}

function audioArgs (source: LiveSource, facts: SourceFacts): string[] {
  if (facts.audioCodec === null) return ['-an']
  const map = source.kind === 'testsrc' ? ['-map', '1:a:0'] : ['-map', '0:a:0']
  return facts.audioCodec === 'aac' ? [...map, '-c:a', 'copy'] : [...map, '-c:a', 'aac', '-b:a', AUDIO_BITRATE, '-ac', '2']
}

/** The whole command line after `ffmpeg`. */
export function liveFfmpegArgs (source: LiveSource, facts: SourceFacts, ring: RingLayout): string[] {
  return [
    '-hide_banner', '-nostdin', '-nostats', '-loglevel', 'warning',
    ...inputArgs(source),
    '-map', '0:v:0', ...videoArgs(facts, ring.segmentSec),
    ...audioArgs(source, facts),
    '-f', 'hls',
    '-hls_time', String(ring.segmentSec),
    '-hls_list_size', String(ring.listSize),
    '-hls_delete_threshold', String(DELETE_THRESHOLD_SEGMENTS),
    '-hls_segment_type', 'fmp4',
    // omit_endlist: a channel that stops is offline, not over; temp_file: never a half-written playlist.
    '-hls_flags', 'delete_segments+independent_segments+program_date_time+omit_endlist+temp_file',
    '-hls_start_number_source', 'epoch',
    '-hls_fmp4_init_filename', `init-${ring.runId}.mp4`,
    '-hls_segment_filename', path.join(ring.dir, `${ring.runId}-%d.m4s`),
    path.join(ring.dir, PLAYLIST_FILE)
  ]
}

/** Files a viewer may fetch from a ring: the playlist, an init segment, a media segment. */
export const RING_FILE = /^(index\.m3u8|init-[0-9a-z]{1,12}\.mp4|[0-9a-z]{1,12}-\d{1,12}\.m4s)$/
