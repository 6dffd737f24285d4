/**
 * Where a file's video keyframes lie, read by ffprobe from the packets of the first and the
 * last minute (the demuxer only: nothing is decoded), to choose the segment length of an edition that
 * copies the video (edition-layout.ts `segmentSecForKeyframes`).
 */
import { execFile } from 'node:child_process'
import { FFPROBE_COMMAND } from './ffprobe-media.ts'

/** How much of the film is read: encoders put a keyframe at least every 10 s or so. */
const PROBE_SPAN_SEC = 60
const PROBE_TIMEOUT_MS = 20 * 1000
const PROBE_MAX_OUTPUT_BYTES = 8 * 1024 * 1024

/** `12.345000,K_` lines → keyframe times (pure, tested alone). */
export function keyframeTimesOf (csv: string): number[] {
  const times: number[] = []
  for (const line of csv.split('\n')) {
    const [time, flags] = line.trim().split(',')
    if (flags?.startsWith('K') !== true) continue
    const sec = Number(time)
    if (Number.isFinite(sec)) times.push(sec)
  }
  return times.sort((a, b) => a - b)
}

/**
 * Keyframe times of the first and the last minute (the last one tells whether the film's tail
 * can be a segment of its own); empty when ffprobe cannot tell (the caller then uses the base length).
 */
export async function probeKeyframes (absolutePath: string, durationSec: number): Promise<number[]> {
  const intervals = durationSec > 4 * PROBE_SPAN_SEC ? `%+${PROBE_SPAN_SEC},${(durationSec - PROBE_SPAN_SEC).toFixed(3)}%` : '%'
  return await new Promise(resolve => {
    execFile(
      FFPROBE_COMMAND,
      ['-v', 'error', '-select_streams', 'v:0', '-read_intervals', intervals, '-show_entries', 'packet=pts_time,flags', '-of', 'csv=p=0', '--', absolutePath],
      { timeout: PROBE_TIMEOUT_MS, maxBuffer: PROBE_MAX_OUTPUT_BYTES, windowsHide: true },
      (err, stdout) => resolve(err === null ? keyframeTimesOf(stdout) : [])
    )
  })
}
