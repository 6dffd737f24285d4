/**
 * The large test files, made once with ffmpeg and kept in a cache folder under the OS temp
 * dir (reused by later runs; delete it to regenerate). A short noisy clip is encoded, then
 * repeated with `-stream_loop … -c copy` up to the target size, which is much faster than
 * encoding the whole length. Noise keeps the bitrate near constant.
 */
import { execFile } from 'node:child_process'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface BenchMedia {
  /** Library root to give the seed node (files live in `Films/`). */
  library: string
  files: Array<{ label: string, fileName: string, path: string, sizeBytes: number }>
  targetMB: number
}

const BASE_SECONDS = 20
const VIDEO = ['-f', 'lavfi', '-i', `testsrc2=size=854x480:rate=24:duration=${BASE_SECONDS},noise=alls=40:allf=t`,
  '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${BASE_SECONDS}`]

async function sizeOf (file: string): Promise<number | null> {
  return await stat(file).then(s => s.size, () => null)
}

async function ffmpeg (args: string[]): Promise<void> {
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { maxBuffer: 16 * 1024 * 1024 })
}

/** Loops `base` (copying streams) until about `targetBytes`; `extra` are output options. */
async function loopTo (base: string, out: string, targetBytes: number, extra: string[]): Promise<void> {
  const baseBytes = (await sizeOf(base))!
  const loops = Math.max(0, Math.ceil(targetBytes / baseBytes) - 1)
  const partial = out + '.partial' + path.extname(out)
  await ffmpeg(['-stream_loop', String(loops), '-i', base, '-c', 'copy', ...extra, partial])
  await rename(partial, out)
}

export async function benchMedia (targetMB: number, log: (line: string) => void): Promise<BenchMedia> {
  const root = path.join(os.tmpdir(), `hearth-bench-media-v1-${targetMB}mb`)
  const films = path.join(root, 'Films')
  await mkdir(films, { recursive: true })
  const target = targetMB * 1e6
  const want = {
    mp4: path.join(films, 'Bench H264 Moov First.mp4'),
    webm: path.join(films, 'Bench VP8 WebM.webm'),
    mp4End: path.join(films, 'Bench H264 Moov At End.mp4')
  }
  const work = path.join(root, '.work')
  if (await sizeOf(want.mp4) === null) {
    log(`generating ${targetMB} MB H.264 MP4 (moov first) in ${root}`)
    await mkdir(work, { recursive: true })
    const base = path.join(work, 'base.mp4')
    await ffmpeg([...VIDEO, '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-b:v', '8M', '-maxrate', '8M', '-bufsize', '4M', '-g', '48',
      '-c:a', 'aac', '-b:a', '96k', base])
    await loopTo(base, want.mp4, target, ['-movflags', '+faststart'])
  }
  if (await sizeOf(want.mp4End) === null) {
    log('remuxing the MP4 with the moov atom at the end (no faststart)')
    const partial = want.mp4End + '.partial.mp4'
    await ffmpeg(['-i', want.mp4, '-c', 'copy', partial])
    await rename(partial, want.mp4End)
  }
  if (await sizeOf(want.webm) === null) {
    log(`generating ${targetMB} MB VP8/Vorbis WebM`)
    await mkdir(work, { recursive: true })
    const base = path.join(work, 'base.webm')
    await ffmpeg([...VIDEO, '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '8M', '-minrate', '8M', '-maxrate', '8M', '-g', '48',
      '-c:a', 'libvorbis', '-b:a', '96k', base])
    await loopTo(base, want.webm, target, [])
  }
  await rm(work, { recursive: true, force: true })
  const files = []
  for (const [label, file] of [['H.264 MP4, moov first', want.mp4], ['VP8 WebM', want.webm], ['H.264 MP4, moov at end', want.mp4End]] as const) {
    files.push({ label, fileName: path.basename(file), path: file, sizeBytes: (await sizeOf(file))! })
  }
  return { library: root, files, targetMB }
}
