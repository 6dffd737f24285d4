/**
 * How fast this machine converts video to H.264 (`--transcode-video`), timed once at start
 * on a few seconds of a 720p test picture made by ffmpeg itself (the same libx264 settings as
 * an edition, edition-args.ts), as pixels per second. The catalog scales it to each item's
 * picture size, so the app can say before play how long converting a film will take.
 */
import { execFile } from 'node:child_process'
import { FFMPEG_COMMAND } from './ffmpeg-tools.ts'

const TEST_WIDTH = 1280
const TEST_HEIGHT = 720
const TEST_FPS = 24
const TEST_SEC = 3
const MEASURE_TIMEOUT_MS = 60 * 1000
/** Frame rate assumed for an item (ffprobe's facts carry none; most films are 24 or 25). */
export const ASSUMED_FPS = 24

/** Pixels per second libx264 converts here, or null when the test run failed. */
export async function measureTranscodePixelRate (): Promise<number | null> {
  const started = process.hrtime.bigint()
  return await new Promise(resolve => {
    execFile(FFMPEG_COMMAND, [
      '-hide_banner', '-nostdin', '-loglevel', 'error',
      '-f', 'lavfi', '-i', `testsrc2=size=${TEST_WIDTH}x${TEST_HEIGHT}:rate=${TEST_FPS}:duration=${TEST_SEC}`,
      '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '21', '-pix_fmt', 'yuv420p', '-f', 'null', '-'
    ], { timeout: MEASURE_TIMEOUT_MS, windowsHide: true }, err => {
      if (err !== null) return resolve(null)
      const wallSec = Number(process.hrtime.bigint() - started) / 1e9
      resolve(wallSec > 0 ? (TEST_WIDTH * TEST_HEIGHT * TEST_FPS * TEST_SEC) / wallSec : null)
    })
  })
}

/** × real time for a picture of this size (unknown size: 1080p, the common case for HEVC films). */
export function transcodeSpeedFor (pixelRate: number, width: number | null, height: number | null): number {
  const pixelsPerFrame = (width ?? 1920) * (height ?? 1080)
  return Math.round((pixelRate / (pixelsPerFrame * ASSUMED_FPS)) * 100) / 100
}
