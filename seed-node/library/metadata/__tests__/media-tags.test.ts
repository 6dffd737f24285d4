/**
 * Tags read from real files written by ffmpeg `-metadata`: ID3v2 in MP3, Vorbis comments in
 * FLAC and Ogg Opus, MP4 atoms in M4A; and whether a file carries a cover (ID3 APIC, MP4
 * `covr`, a Matroska `cover.jpg` attachment), which decides where its picture comes from.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { probeMedia, probeTags } from '../../media-probe.ts'
import { makeClip, makePoster, makeTaggedMp3 } from '../../../testing/metadata-library.ts'

const run = promisify(execFile)
const FFMPEG = ['-hide_banner', '-loglevel', 'error', '-y']
const TAGS = { artist: 'Nina Simone', album_artist: 'Nina Simone', album: 'Pastel Blues', title: 'Sinnerman', track: '9/9', date: '1965', genre: 'Jazz' }
let folder: string
let cover: string

async function audio (name: string, codec: string[]): Promise<string> {
  const file = path.join(folder, name)
  const metadata = Object.entries(TAGS).flatMap(([key, value]) => ['-metadata', `${key}=${value}`])
  await run('ffmpeg', [...FFMPEG, '-f', 'lavfi', '-i', 'sine=frequency=220:sample_rate=48000:duration=1', ...codec, ...metadata, file])
  return file
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'hearth-tags-'))
  cover = path.join(folder, 'cover.jpg')
  await makePoster(cover, 200)
}, 60 * 1000)

afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

const EXPECTED = { title: 'Sinnerman', artist: 'Nina Simone', album: 'Pastel Blues', trackNumber: 9, year: 1965, genres: ['Jazz'], cover: false }

describe('tags from real files', () => {
  it.each([
    ['ID3v2 in MP3', 'a.mp3', ['-c:a', 'libmp3lame', '-id3v2_version', '3']],
    ['Vorbis comments in FLAC', 'a.flac', ['-c:a', 'flac']],
    ['Vorbis comments in Ogg Opus', 'a.opus', ['-c:a', 'libopus']],
    ['MP4 atoms in M4A', 'a.m4a', ['-c:a', 'aac']]
  ])('%s', async (_name, file, codec) => {
    const probe = await probeMedia(await audio(file, codec))
    expect(probe.tags).toEqual(EXPECTED)
  })

  it('an MP3 with an APIC picture says it has a cover; folder names are not tags', async () => {
    const file = path.join(folder, 'Some Folder/Other Album/01 track.mp3')
    await makeTaggedMp3(file, { artist: 'Tagged Artist', album: 'Tagged Album', title: 'Tagged Title', track: '1' }, cover)
    expect(await probeTags(file)).toMatchObject({ artist: 'Tagged Artist', album: 'Tagged Album', title: 'Tagged Title', trackNumber: 1, cover: true })
  })

  it('an untagged MP3 has no tags and no cover', async () => {
    const file = path.join(folder, 'bare.mp3')
    await run('ffmpeg', [...FFMPEG, '-f', 'lavfi', '-i', 'sine=duration=1', '-c:a', 'libmp3lame', '-map_metadata', '-1', file])
    expect(await probeTags(file)).toEqual({ title: null, artist: null, album: null, trackNumber: null, year: null, genres: [], cover: false })
  })

  it('a video\'s cover: MP4 covr and a Matroska cover.jpg attachment', async () => {
    const clip = path.join(folder, 'clip.mp4')
    await makeClip(clip, 'testsrc2', 1)
    const mp4 = path.join(folder, 'covered.mp4')
    await run('ffmpeg', [...FFMPEG, '-i', clip, '-i', cover, '-map', '0', '-map', '1', '-c', 'copy', '-disposition:v:1', 'attached_pic', mp4])
    const mkv = path.join(folder, 'covered.mkv')
    await run('ffmpeg', [...FFMPEG, '-i', clip, '-attach', cover, '-metadata:s:t', 'mimetype=image/jpeg', '-metadata:s:t', 'filename=cover.jpg', '-c', 'copy', mkv])
    expect((await probeTags(mp4))?.cover).toBe(true)
    expect((await probeTags(mkv))?.cover).toBe(true)
    expect((await probeTags(clip))?.cover).toBe(false)
  })
})
