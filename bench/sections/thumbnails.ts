/**
 * Issue 13, pictures: what the seed node pays per item for a frame thumbnail and a poster,
 * beside the way Jellyfin extracts an image (ffmpeg, full-size JPEG at the same time) on the
 * same files in the same run. CPU is ffmpeg's own (the children's user + system time from
 * /proc/self/stat, the same for both), wall time is per picture, one at a time as the seed
 * node makes them; bytes are what a phone downloads for a grid card.
 */
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { ArtworkService } from '../../seed-node/artwork/artwork-service.ts'
import { createLogger } from '../../seed-node/lib/log.ts'
import { fingerprintOf } from '../../seed-node/library/file-fingerprint.ts'
import { artRef, frameTimeSec } from '../../seed-node/library/metadata/art-ref.ts'
import type { BenchContext } from '../support/bench-context.ts'
import type { SectionResult } from '../support/report.ts'
import { median, ratio } from '../support/stats.ts'

const run = promisify(execFile)
/** Linux clock ticks per second (USER_HZ), what /proc reports CPU times in. */
const TICKS_PER_SEC = 100
const CLIP_SECONDS = 20

/** CPU time (ms) used so far by this process's finished children. */
function childrenCpuMs (): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? []
  // After the command name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
  return (Number(fields[13]) + Number(fields[14])) * 1000 / TICKS_PER_SEC
}

interface Cost { cpuMs: number[], wallMs: number[], bytes: number[] }

async function measure (count: number, make: (index: number) => Promise<number>): Promise<Cost> {
  const cost: Cost = { cpuMs: [], wallMs: [], bytes: [] }
  for (let index = 0; index < count; index++) {
    const cpu = childrenCpuMs()
    const started = performance.now()
    cost.bytes.push(await make(index))
    cost.wallMs.push(performance.now() - started)
    cost.cpuMs.push(childrenCpuMs() - cpu)
  }
  return cost
}

const ms = (values: number[]): string => `${median(values).toFixed(0)} ms`
const kb = (values: number[]): string => `${(median(values) / 1000).toFixed(1)} kB`

export async function runThumbnails (ctx: BenchContext): Promise<SectionResult> {
  const count = ctx.quick ? 3 : 10
  const folder = path.join(ctx.tmpDir, 'thumbnails')
  const library = path.join(folder, 'library')
  await mkdir(library, { recursive: true })
  ctx.log(`making ${count} 1080p clips of ${CLIP_SECONDS} s and a 2000×3000 poster`)
  const clips: string[] = []
  for (let index = 0; index < count; index++) {
    const clip = path.join(library, `clip-${index}.mp4`)
    await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=1920x1080:rate=24:duration=${CLIP_SECONDS}`, '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '48', clip])
    clips.push(clip)
  }
  const poster = path.join(library, 'poster.jpg')
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=2000x3000', '-frames:v', '1', '-q:v', '2', poster])
  const confinement = { root: library, followSymlinks: false }
  const service = new ArtworkService({ stateDir: path.join(folder, 'state'), ffmpeg: true, log: createLogger('error', () => {}) })
  const atSec = frameTimeSec(CLIP_SECONDS)

  const hearthFrame = await measure(count, async index => {
    const clip = clips[index] ?? ''
    const outcome = await service.picture(artRef('frame', clip, fingerprintOf(await stat(clip)), atSec), confinement)
    if (!outcome.ok) throw new Error(`no frame: ${outcome.message}`)
    return outcome.picture.bytes.length
  })
  const jellyfinFrame = await measure(count, async index => {
    const out = path.join(folder, `jellyfin-${index}.jpg`)
    await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-ss', String(atSec), '-i', clips[index] ?? '', '-threads', '0', '-vframes', '1', '-f', 'image2', out])
    return (await stat(out)).size
  })
  const posterBytes = (await stat(poster)).size
  const hearthPoster = await measure(1, async () => {
    const outcome = await service.picture(artRef('file', poster, fingerprintOf(await stat(poster))), confinement)
    if (!outcome.ok) throw new Error(`no poster: ${outcome.message}`)
    return outcome.picture.bytes.length
  })
  const cached = await measure(count, async index => {
    const clip = clips[index] ?? ''
    const outcome = await service.picture(artRef('frame', clip, fingerprintOf(await stat(clip)), atSec), confinement)
    return outcome.ok ? outcome.picture.bytes.length : 0
  })
  await rm(folder, { recursive: true, force: true })

  return {
    name: 'thumbnails',
    title: '10. Pictures: frame thumbnails and posters',
    headers: ['picture', 'Hearth (WebP ≤ 480×540)', 'Jellyfin-style ffmpeg (full-size JPEG)', 'ratio'],
    rows: [
      ['frame of a 1080p video: ffmpeg CPU per item', ms(hearthFrame.cpuMs), ms(jellyfinFrame.cpuMs), ratio(median(hearthFrame.cpuMs), median(jellyfinFrame.cpuMs))],
      ['frame: wall time per item', ms(hearthFrame.wallMs), ms(jellyfinFrame.wallMs), ratio(median(hearthFrame.wallMs), median(jellyfinFrame.wallMs))],
      ['frame: bytes a phone downloads per card', kb(hearthFrame.bytes), kb(jellyfinFrame.bytes), ratio(median(hearthFrame.bytes), median(jellyfinFrame.bytes))],
      ['2000×3000 poster: CPU / wall / bytes', `${ms(hearthPoster.cpuMs)} / ${ms(hearthPoster.wallMs)} / ${kb(hearthPoster.bytes)}`, `served as is: ${(posterBytes / 1000).toFixed(0)} kB`, ratio(median(hearthPoster.bytes), posterBytes)],
      ['a picture already made (from <state>/art)', ms(cached.wallMs), '—', '—']
    ],
    notes: [
      `${count} clips of ${CLIP_SECONDS} s, 1920×1080 H.264 (testsrc2), frame at ${atSec} s (10 %), made one at a time as the seed node does.`,
      'CPU is ffmpeg\'s own (children\'s utime + stime from /proc/self/stat, 10 ms resolution); the seed node\'s JavaScript around it is not counted.',
      'Jellyfin extracts a full-size JPEG and resizes later when asked; Hearth makes the grid-sized WebP once, so a phone downloads tens of kB per card.'
    ],
    data: { hearthFrame, jellyfinFrame, hearthPoster, posterBytes, cached }
  }
}
