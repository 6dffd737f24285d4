/**
 * One ffmpeg run that has no output but files (an edition's remux, a file's subtitle streams):
 * at a lower CPU priority than the seed node, so serving bytes comes first, killed after its
 * time limit, and failing with the last line ffmpeg wrote to stderr (or how it was stopped).
 */
import { spawn } from 'node:child_process'
import os from 'node:os'
import { FFMPEG_COMMAND } from './ffmpeg-tools.ts'

/** Enough of stderr to hold ffmpeg's last error line. */
const STDERR_TAIL_CHARS = 600
const MAX_REASON_CHARS = 300

export interface BackgroundFfmpegLimits {
  timeoutMs: number
  /** Added to the niceness (0–19): higher runs later. */
  niceness: number
}

export async function runBackgroundFfmpeg (args: readonly string[], { timeoutMs, niceness }: BackgroundFfmpegLimits): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(FFMPEG_COMMAND, args, { stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true, timeout: timeoutMs, killSignal: 'SIGKILL' })
    if (child.pid !== undefined) {
      try { os.setPriority(child.pid, niceness) } catch { /* not permitted here: it runs at normal priority */ }
    }
    let stderr = ''
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (chunk: string) => { stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS) })
    child.on('error', err => reject(new Error(`ffmpeg could not start: ${err.message}`)))
    child.on('close', (code, signal) => {
      if (code === 0) return resolve()
      const last = stderr.split('\n').map(line => line.trim()).filter(Boolean).at(-1)
      reject(new Error((signal !== null ? `ffmpeg was stopped (${signal})` : last ?? `ffmpeg exited with code ${code ?? '?'}`).slice(0, MAX_REASON_CHARS)))
    })
  })
}
