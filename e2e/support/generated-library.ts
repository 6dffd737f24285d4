/**
 * A generated library for scale tests: films, shows in season folders and music as small
 * distinct files (the scanner skips empty ones; every file's bytes differ, so every torrent
 * and item id does), plus one show of real clips that play, made with ffmpeg.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { deterministicBytes } from '../../seed-node/testing/deterministic-bytes.ts'

const run = promisify(execFile)
const FILE_BYTES = 1024

export interface GeneratedLibrary {
  library: string
  items: number
}

export interface LibraryShape { films: number, shows: number, seasons: number, episodesPerSeason: number, tracks: number }

function bytesFor (seed: number): Uint8Array {
  return deterministicBytes(seed, FILE_BYTES)
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** A 3-second 160×90 H.264/AAC clip whose tone (and so bytes) depends on `hz`. */
async function clip (file: string, hz: number): Promise<void> {
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=12:duration=3',
    '-f', 'lavfi', '-i', `sine=frequency=${hz}:sample_rate=48000:duration=3`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '48k', '-movflags', '+faststart', file])
}

export async function makeGeneratedLibrary (shape: LibraryShape): Promise<GeneratedLibrary> {
  const library = await mkdtemp(path.join(os.tmpdir(), 'hearth-e2e-generated-'))
  let seed = 1
  const write = async (relative: string): Promise<void> => {
    await mkdir(path.dirname(path.join(library, relative)), { recursive: true })
    await writeFile(path.join(library, relative), bytesFor(seed++))
  }
  for (let n = 0; n < shape.films; n++) await write(`Films/Generated Film ${n} (${1950 + (n % 75)}).mp4`)
  for (let show = 0; show < shape.shows; show++) {
    for (let season = shape.seasons; season >= 1; season--) {
      for (let episode = 1; episode <= shape.episodesPerSeason; episode++) {
        await write(`Shows/Series ${pad(show)}/Season ${pad(season)}/Series ${pad(show)} - S${pad(season)}E${pad(episode)} - Chapter ${episode}.mp4`)
      }
    }
  }
  for (let n = 0; n < shape.tracks; n++) await write(`Music/Artist ${n % 10}/Track ${n}.mp3`)
  await write('Films/Zanzibar Moonlight (1987).mp4')
  await mkdir(path.join(library, 'Shows/Tiny Show/Season 01'), { recursive: true })
  await clip(path.join(library, 'Shows/Tiny Show/Season 01/Tiny Show - S01E01 - Arrival.mp4'), 440)
  await clip(path.join(library, 'Shows/Tiny Show/Season 01/Tiny Show - S01E02 - Departure.mp4'), 660)
  const items = shape.films + shape.shows * shape.seasons * shape.episodesPerSeason + shape.tracks + 3
  return { library, items }
}
