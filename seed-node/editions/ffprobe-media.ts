/**
 * Runs the system's ffprobe on one file and returns what it found (ffprobe-output.ts), or
 * `damaged` with ffprobe's own reason when it cannot read the file (truncated, corrupt), or
 * null when there is no ffprobe on this machine (the seed node said so at start).
 */
import { execFile } from 'node:child_process'
import { factsFromFfprobe, type ProbedFacts } from './ffprobe-output.ts'

/** A probe reads headers only; a file that takes longer is treated as unreadable. */
const FFPROBE_TIMEOUT_MS = 30 * 1000
/** ffprobe's JSON for a file with many streams and tags stays far below this. */
const FFPROBE_MAX_OUTPUT_BYTES = 4 * 1024 * 1024

export const FFPROBE_COMMAND = process.env.HEARTH_FFPROBE ?? 'ffprobe'

/** The last meaningful line of ffprobe's stderr, without the file path it starts with. */
export function ffmpegReason (stderr: string, absolutePath: string): string {
  const lines = stderr.split('\n').map(line => line.trim()).filter(Boolean)
  const last = lines.at(-1) ?? 'ffprobe could not read the file'
  return last.replaceAll(absolutePath, 'file').replace(/^file:\s*/, '').slice(0, 300)
}

/** Set once ffprobe was found missing: later probes do not try to start it again (rescans run every minute). */
let missing = false

export async function ffprobeMedia (absolutePath: string): Promise<ProbedFacts | null> {
  if (missing) return null
  return await new Promise(resolve => {
    execFile(
      FFPROBE_COMMAND,
      ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', '--', absolutePath],
      { timeout: FFPROBE_TIMEOUT_MS, maxBuffer: FFPROBE_MAX_OUTPUT_BYTES, windowsHide: true },
      (err, stdout, stderr) => {
        if (err !== null && (err as NodeJS.ErrnoException).code === 'ENOENT') {
          missing = true
          return resolve(null)
        }
        if (err !== null) return resolve(damaged(ffmpegReason(stderr || err.message, absolutePath)))
        try {
          resolve(factsFromFfprobe(JSON.parse(stdout)))
        } catch (parseError) {
          resolve(damaged(`ffprobe's answer was unreadable: ${parseError instanceof Error ? parseError.message.slice(0, 200) : 'bad JSON'}`))
        }
      }
    )
  })
}

function damaged (reason: string): ProbedFacts {
  return { container: 'unknown', video: null, audio: [], subtitles: [], damaged: reason, durationSec: null }
}
