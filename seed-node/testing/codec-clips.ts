/**
 * Short clips made at test time with ffmpeg, as real libraries hold them: H.264 with AC-3
 * audio in MKV (plays mute in browsers without an edition), HEVC in MKV (no picture in
 * Debian's Chromium), and a truncated MP4 (damaged). Small: a few seconds at low resolution.
 * For audio tracks and seeking: an MKV with two audio tracks of different tones (told apart
 * by their frequency in the browser) and a longer AC-3 MKV to seek far into.
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
  truncatedMp4: 'Broken Film (2019).mp4',
  twoTrackMkv: 'Two Voices (2022).mkv',
  longAc3Mkv: 'Long Dolby Film (2023).mkv',
  longHevcMkv: 'Long Hevc Film (2024).mkv'
} as const

/** The tones of the two-track clip: track 0 (English, default) and track 1 (French commentary). */
export const TWO_TRACK_TONES_HZ = [440, 1000] as const

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

/**
 * A library with the two-audio-track MKV (H.264; AAC at 440 Hz, English, default; AAC at
 * 1000 Hz, French, "Commentaire") and a long H.264/AC-3 MKV (`longSeconds`, a tiny 96×54
 * picture so ten minutes stay a few megabytes) to seek far into. Keyframes every second.
 */
export async function makeTrackAndSeekLibrary (twoTrackSeconds = 30, longSeconds = 600): Promise<string> {
  const library = await mkdtemp(path.join(os.tmpdir(), 'hearth-tracks-library-'))
  const films = path.join(library, 'Films')
  await mkdir(films)
  const [first, second] = TWO_TRACK_TONES_HZ
  await ffmpeg([
    '-f', 'lavfi', '-i', `testsrc2=size=320x180:rate=24:duration=${twoTrackSeconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=${first}:sample_rate=48000:duration=${twoTrackSeconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=${second}:sample_rate=48000:duration=${twoTrackSeconds}`,
    '-map', '0', '-map', '1', '-map', '2', ...H264, '-c:a', 'aac', '-b:a', '64k',
    '-metadata:s:a:0', 'language=eng', '-disposition:a:0', 'default',
    '-metadata:s:a:1', 'language=fra', '-metadata:s:a:1', 'title=Commentaire', '-disposition:a:1', '0',
    path.join(films, CLIP_NAMES.twoTrackMkv)
  ])
  await ffmpeg([
    '-f', 'lavfi', '-i', `testsrc2=size=96x54:rate=24:duration=${longSeconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${longSeconds}`,
    ...H264, '-crf', '40', '-c:a', 'ac3', '-b:a', '64k', path.join(films, CLIP_NAMES.longAc3Mkv)
  ])
  return library
}

/** A library with one long HEVC/AAC MKV at a tiny picture size, to seek in while `--transcode-video` converts it. */
export async function makeLongHevcLibrary (seconds = 240): Promise<string> {
  const library = await mkdtemp(path.join(os.tmpdir(), 'hearth-hevc-library-'))
  const films = path.join(library, 'Films')
  await mkdir(films)
  await ffmpeg([
    '-f', 'lavfi', '-i', `testsrc2=size=96x54:rate=24:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
    '-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error:keyint=48', '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-b:a', '48k', path.join(films, CLIP_NAMES.longHevcMkv)
  ])
  return library
}
