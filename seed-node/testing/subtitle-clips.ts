/**
 * Clips with subtitle streams inside, made at test time with ffmpeg, as rips hold them: an
 * MKV (H.264 + AAC, so it plays directly) carrying an English SubRip stream (default) and a
 * French one marked forced, and an MKV with AC-3 audio (played through an edition) carrying
 * an ASS stream. Small: a few seconds at low resolution.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export const SUBTITLED_NAMES = {
  srtMkv: 'Subbed Film (2022).mkv',
  assAc3Mkv: 'Subbed Dolby Film (2023).mkv'
} as const

/** The English track's cues: [start s, end s, text]. */
export const ENGLISH_CUES: ReadonlyArray<readonly [number, number, string]> = [
  [0.5, 2.25, 'Hello from inside the film'],
  [3, 4.5, 'Grüße — a second line']
]

const srtTime = (sec: number): string => {
  const ms = Math.round(sec * 1000)
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0')
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)},${pad(ms % 1000, 3)}`
}
const srt = (cues: ReadonlyArray<readonly [number, number, string]>): string =>
  cues.map(([start, end, text], index) => `${index + 1}\n${srtTime(start)} --> ${srtTime(end)}\n${text}\n`).join('\n')

const ASS = [
  '[Script Info]', 'ScriptType: v4.00+', '', '[V4+ Styles]',
  'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding',
  'Style: Default,Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,1,0,2,10,10,10,1', '',
  '[Events]', 'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
  'Dialogue: 0,0:00:01.00,0:00:02.50,Default,,0,0,0,,{\\i1}Styled{\\i0} words from ASS'
].join('\n')

async function ffmpeg (args: string[]): Promise<void> {
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args])
}

const SOURCES = (seconds: number): string[] => [
  '-f', 'lavfi', '-i', `testsrc2=size=320x180:rate=24:duration=${seconds}`,
  '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`
]
const H264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-g', '24']

/** A library folder holding both clips under `Films/`. */
export async function makeSubtitledLibrary (seconds = 6): Promise<string> {
  const library = await mkdtemp(path.join(os.tmpdir(), 'hearth-subtitled-library-'))
  const films = path.join(library, 'Films')
  const scratch = path.join(library, '.scratch')
  await mkdir(films)
  await mkdir(scratch)
  const english = path.join(scratch, 'en.srt')
  const french = path.join(scratch, 'fr.srt')
  const ass = path.join(scratch, 'styled.ass')
  await writeFile(english, srt(ENGLISH_CUES))
  await writeFile(french, srt([[1, 2, 'Bonjour (forcé)']]))
  await writeFile(ass, ASS)
  await ffmpeg([
    ...SOURCES(seconds), '-i', english, '-i', french,
    '-map', '0:v', '-map', '1:a', '-map', '2:s', '-map', '3:s', ...H264, '-c:a', 'aac', '-b:a', '64k', '-c:s', 'srt',
    '-metadata:s:s:0', 'language=eng', '-disposition:s:0', 'default',
    '-metadata:s:s:1', 'language=fre', '-metadata:s:s:1', 'title=Français (forcé)', '-disposition:s:1', 'forced',
    path.join(films, SUBTITLED_NAMES.srtMkv)
  ])
  await ffmpeg([
    ...SOURCES(seconds), '-i', ass,
    '-map', '0:v', '-map', '1:a', '-map', '2:s', ...H264, '-c:a', 'ac3', '-b:a', '128k', '-c:s', 'ass',
    '-metadata:s:s:0', 'language=eng',
    path.join(films, SUBTITLED_NAMES.assAc3Mkv)
  ])
  await rm(scratch, { recursive: true })
  return library
}
