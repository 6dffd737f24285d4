/**
 * The picture cache on its own, with the real ffmpeg: a picture is made once and then read
 * from `<state>/art`; a source that gives none is remembered (ffmpeg is not run for it again);
 * a changed source is a new key and so a new picture; pictures no item uses are pruned;
 * without ffmpeg, a small picture is served as it is and a frame is not offered.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createLogger } from '../../lib/log.ts'
import { fingerprintOf } from '../../library/file-fingerprint.ts'
import { artRef } from '../../library/metadata/art-ref.ts'
import { makeClip, makePoster } from '../../testing/metadata-library.ts'
import { ArtworkService, pictureType } from '../artwork-service.ts'

const log = createLogger('error', () => {})
let root: string
let library: string
let state: string

async function refOf (kind: 'file' | 'frame', relative: string) {
  const absolutePath = path.join(library, relative)
  return artRef(kind, absolutePath, fingerprintOf(await stat(absolutePath)), kind === 'frame' ? 0.5 : 0)
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'hearth-artwork-'))
  library = path.join(root, 'library')
  state = path.join(root, 'state')
  await makePoster(path.join(library, 'poster.jpg'), 300)
  await makeClip(path.join(library, 'film.mp4'), 'testsrc2', 2)
  await writeFile(path.join(library, 'broken.mp4'), 'this is not a video')
}, 60 * 1000)

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('ArtworkService with ffmpeg', () => {
  const confinement = () => ({ root: library, followSymlinks: false })

  it('makes a picture once, then serves the kept copy', async () => {
    const service = new ArtworkService({ stateDir: state, ffmpeg: true, log })
    const ref = await refOf('file', 'poster.jpg')
    const first = await service.picture(ref, confinement())
    const second = await service.picture(ref, confinement())
    expect(first.ok && pictureType(first.picture.bytes)).toBe('image/webp')
    expect(second).toEqual(first)
    expect(service.stats.made).toBe(1)
    const frame = await service.picture(await refOf('frame', 'film.mp4'), confinement())
    expect(frame.ok).toBe(true)
  })

  it('remembers a source that gives no picture, and does not run ffmpeg for it again', async () => {
    const service = new ArtworkService({ stateDir: state, ffmpeg: true, log })
    const ref = await refOf('frame', 'broken.mp4')
    expect((await service.picture(ref, confinement())).ok).toBe(false)
    expect((await service.picture(ref, confinement())).ok).toBe(false)
    expect(service.stats.failed).toBe(1)
    expect(await readdir(path.join(state, 'art'))).toContain(`${ref.key}.none`)
  })

  it('a picture outside the library (a symlink swapped in) is not read', async () => {
    const service = new ArtworkService({ stateDir: state, ffmpeg: true, log })
    const outside = artRef('file', '/etc/hostname', { sizeBytes: 1, mtimeMs: 1, inode: 1 })
    expect((await service.picture(outside, confinement())).ok).toBe(false)
  })

  it('prunes pictures no item uses, keeps the rest', async () => {
    const service = new ArtworkService({ stateDir: state, ffmpeg: true, log })
    const keep = await refOf('file', 'poster.jpg')
    const before = await readdir(path.join(state, 'art'))
    expect(before.length).toBeGreaterThan(1)
    const removed = await service.prune(new Set([keep.key]))
    expect(removed).toBe(before.length - 1)
    expect(await readdir(path.join(state, 'art'))).toEqual([`${keep.key}.webp`])
  })
})

describe('ArtworkService without ffmpeg', () => {
  it('serves a small picture from disk as it is, and offers no frame', async () => {
    const service = new ArtworkService({ stateDir: path.join(root, 'state-no-ffmpeg'), ffmpeg: false, log })
    const confinement = { root: library, followSymlinks: false }
    const poster = await service.picture(await refOf('file', 'poster.jpg'), confinement)
    expect(poster.ok && poster.picture.contentType).toBe('image/jpeg')
    expect((await service.picture(await refOf('frame', 'film.mp4'), confinement)).ok).toBe(false)
    expect(service.makesFrames).toBe(false)
  })
})

describe('pictureType', () => {
  it('knows JPEG, PNG and WebP by their first bytes, and nothing else', () => {
    expect(pictureType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg')
    expect(pictureType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe('image/png')
    expect(pictureType(Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'latin1'))).toBe('image/webp')
    expect(pictureType(Buffer.from('<svg onload="alert(1)">'))).toBe(null)
  })
})
