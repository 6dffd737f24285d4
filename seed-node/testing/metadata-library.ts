/**
 * A small library with the metadata media managers leave on disk, made with ffmpeg for tests
 * of NFO files, pictures, tags and extras (unit, seed-node and e2e):
 *   Films/Big Film (2010)/Big Film (2010).mp4     movie.nfo (title "The Grand Voyage", 1999, plot), poster.jpg
 *   Films/Big Film (2010)/Big Film (2010)-sample.mp4   hidden
 *   Films/Big Film (2010)/Trailers/Teaser.mp4          the film's trailer
 *   Films/Frame Film.mp4                               no picture: a frame thumbnail
 *   Music/Folder Artist/Folder Album/01 track.mp3      ID3: Ana Artist, First Album, "Song One", track 3, 2019, a cover
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const FFMPEG = ['-hide_banner', '-loglevel', 'error', '-y']

export const METADATA_LIBRARY = {
  film: 'Films/Big Film (2010)/Big Film (2010).mp4',
  sample: 'Films/Big Film (2010)/Big Film (2010)-sample.mp4',
  trailer: 'Films/Big Film (2010)/Trailers/Teaser.mp4',
  frameFilm: 'Films/Frame Film.mp4',
  track: 'Music/Folder Artist/Folder Album/01 track.mp3',
  nfoTitle: 'The Grand Voyage',
  nfoYear: 1999,
  nfoPlot: 'A lighthouse keeper sails north to find the last working radio.',
  artist: 'Ana Artist',
  album: 'First Album',
  trackTitle: 'Song One'
} as const

/** A short H.264/AAC clip; `source` is an ffmpeg lavfi video source (its picture differs per clip). */
export async function makeClip (file: string, source = 'testsrc2', seconds = 3): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  await run('ffmpeg', [...FFMPEG, '-f', 'lavfi', '-i', `${source}=size=320x180:rate=12:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '48k', '-movflags', '+faststart', file])
}

/** A portrait JPEG poster (a test pattern), `width`×1.5 `width`. */
export async function makePoster (file: string, width = 600): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  await run('ffmpeg', [...FFMPEG, '-f', 'lavfi', '-i', `smptehdbars=size=${width}x${width * 1.5}`, '-frames:v', '1', file])
}

/** An MP3 with ID3v2 tags (`-metadata`) and, when `cover` is given, that picture as APIC. */
export async function makeTaggedMp3 (file: string, tags: Record<string, string>, cover: string | null): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const metadata = Object.entries(tags).flatMap(([key, value]) => ['-metadata', `${key}=${value}`])
  const picture = cover === null ? [] : ['-i', cover, '-map', '0', '-map', '1', '-c:v', 'mjpeg', '-disposition:v', 'attached_pic']
  await run('ffmpeg', [...FFMPEG, '-f', 'lavfi', '-i', 'sine=frequency=330:sample_rate=44100:duration=2', ...picture, '-c:a', 'libmp3lame', '-id3v2_version', '3', ...metadata, file])
}

export async function makeMetadataLibrary (): Promise<string> {
  const library = await mkdtemp(path.join(os.tmpdir(), 'hearth-metadata-library-'))
  await writeMetadataFiles(library)
  return library
}

/** Writes the files above into `library` (a folder of its own, or a larger generated library). */
export async function writeMetadataFiles (library: string): Promise<void> {
  const at = (relative: string): string => path.join(library, relative)
  const filmFolder = path.dirname(at(METADATA_LIBRARY.film))
  await makeClip(at(METADATA_LIBRARY.film), 'testsrc2', 4)
  await makePoster(path.join(filmFolder, 'poster.jpg'))
  await writeFile(path.join(filmFolder, 'movie.nfo'), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<movie>
  <title>${METADATA_LIBRARY.nfoTitle}</title>
  <originaltitle>Le Grand Voyage</originaltitle>
  <year>${METADATA_LIBRARY.nfoYear}</year>
  <plot>${METADATA_LIBRARY.nfoPlot}</plot>
  <genre>Adventure</genre>
  <genre>Drama</genre>
  <runtime>104</runtime>
</movie>
https://www.themoviedb.org/movie/1
`)
  await makeClip(at(METADATA_LIBRARY.sample), 'testsrc', 1)
  await makeClip(at(METADATA_LIBRARY.trailer), 'rgbtestsrc', 2)
  await makeClip(at(METADATA_LIBRARY.frameFilm), 'smptebars', 3)
  const cover = path.join(os.tmpdir(), `hearth-cover-${process.pid}-${Date.now()}.jpg`)
  await makePoster(cover, 300)
  await makeTaggedMp3(at(METADATA_LIBRARY.track), { artist: METADATA_LIBRARY.artist, album: METADATA_LIBRARY.album, title: METADATA_LIBRARY.trackTitle, track: '3', date: '2019' }, cover)
  await rm(cover, { force: true })
}
