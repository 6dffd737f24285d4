/**
 * Short clips made at test time with ffmpeg, as real libraries hold them: H.264 with AC-3
 * audio in MKV (plays mute in browsers without an edition), HEVC in MKV (no picture in
 * Debian's Chromium), and a truncated MP4 (damaged). Small: a few seconds at low resolution.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

const SOURCES = (seconds: number, frequencyHz: number): string[] => [
  '-f', 'lavfi', '-i', `testsrc2=size=320x180:rate=24:duration=${seconds}`,
  '-f', 'lavfi', '-i', `sine=frequency=${frequencyHz}:sample_rate=48000:duration=${seconds}`
]
const H264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-g', '24']

export const CLIP_NAMES = {
  ac3Mkv: 'Dolby Film (2020).mkv',
  hevcMkv: 'Hevc Film (2021).mkv',
  truncatedMp4: 'Broken Film (2019).mp4'
} as const

async function ffmpeg (args: string[]): Promise<void> {
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args])
}

/** A library folder holding the three clips under `Films/`. */
export async function makeCodecLibrary (seconds = 8): Promise<string> {
  const library = await mkdtemp(path.join(os.tmpdir(), 'hearth-codec-library-'))
  const films = path.join(library, 'Films')
  await mkdir(films)
  await ffmpeg([...SOURCES(seconds, 440), ...H264, '-c:a', 'ac3', '-b:a', '128k', '-metadata:s:a:0', 'language=eng', '-metadata:s:a:0', 'title=Surround', path.join(films, CLIP_NAMES.ac3Mkv)])
  await ffmpeg([...SOURCES(seconds, 440), '-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '64k', path.join(films, CLIP_NAMES.hevcMkv)])
  // moov at the end (no faststart), then cut in half: the index is gone, as in an interrupted copy.
  const whole = path.join(library, 'whole.mp4')
  await ffmpeg([...SOURCES(seconds, 440), ...H264, '-c:a', 'aac', '-b:a', '64k', whole])
  const bytes = await readFile(whole)
  await writeFile(path.join(films, CLIP_NAMES.truncatedMp4), bytes.subarray(0, Math.floor(bytes.length / 2)))
  await rm(whole)
  return library
}
