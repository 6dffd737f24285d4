/**
 * Whether this machine has ffmpeg and ffprobe (asked once at start with `-version`).
 * Without them the seed node still serves every file as it is; the log, the catalog
 * (`media.editions: 'no-ffmpeg'`) and the app say that editions cannot be made.
 */
import { execFile } from 'node:child_process'
import { FFPROBE_COMMAND } from './ffprobe-media.ts'

export const FFMPEG_COMMAND = process.env.HEARTH_FFMPEG ?? 'ffmpeg'
const VERSION_TIMEOUT_MS = 10 * 1000

export interface FfmpegTools {
  /** `ffmpeg version 5.1.6-0+deb12u1 …`'s version, or null when absent. */
  ffmpeg: string | null
  ffprobe: string | null
}

async function versionOf (command: string): Promise<string | null> {
  return await new Promise(resolve => {
    execFile(command, ['-version'], { timeout: VERSION_TIMEOUT_MS }, (err, stdout) => {
      if (err !== null) return resolve(null)
      resolve(/version (\S+)/.exec(stdout)?.[1] ?? 'unknown')
    })
  })
}

let detected: Promise<FfmpegTools> | null = null

/**
 * Asked once per process, by whoever asks first: the seed node asks as it starts, so the
 * ~0.2 s that two `-version` runs take passes while the household and the port open, and
 * editions and live channels find the answer ready.
 */
export async function detectFfmpeg (): Promise<FfmpegTools> {
  detected ??= Promise.all([versionOf(FFMPEG_COMMAND), versionOf(FFPROBE_COMMAND)]).then(([ffmpeg, ffprobe]) => ({ ffmpeg, ffprobe }))
  return await detected
}
