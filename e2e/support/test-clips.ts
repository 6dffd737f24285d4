/**
 * Clips generated at test time with ffmpeg (installed by .ci/run), for tests that need
 * more bytes than the sample library holds. Noise keeps the bitrate near constant, so a
 * time position maps to a byte position.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** Makes a library folder with one H.264/AAC MP4 (moov first) of `seconds` at ~3 Mbit/s. */
export async function makeLibraryWithLongClip (seconds: number, name = 'Long Test Clip.mp4'): Promise<{ library: string, fileName: string }> {
  const library = await mkdtemp(path.join(os.tmpdir(), 'hearth-e2e-library-'))
  await mkdir(path.join(library, 'Films'))
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=640x360:rate=24:duration=${seconds},noise=alls=30:allf=t`,
    '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-b:v', '3M', '-maxrate', '3M', '-bufsize', '2M', '-g', '48',
    '-c:a', 'aac', '-b:a', '64k', '-movflags', '+faststart', path.join(library, 'Films', name)])
  return { library, fileName: name }
}

/** A small H.264/AAC clip (160×90, moov first) of `seconds`, its tone (and so its bytes) set by `hz`. */
export async function makeSmallClip (file: string, seconds: number, hz: number): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=160x90:rate=12:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=${hz}:sample_rate=48000:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '48k', '-movflags', '+faststart', file])
}
