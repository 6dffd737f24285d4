/**
 * Makes the small picture the app shows for an item: a poster from the library, the cover
 * inside a media file, or a frame of the video about a tenth of the way in (art-ref.ts),
 * scaled to fit `ART_BOX` and encoded as WebP by the system's ffmpeg. Every source is opened
 * here, confined to the library (library-file-open.ts), and ffmpeg reads that open file as
 * `/dev/fd/3`, so it reads exactly what was checked, never a path swapped for a symlink.
 * Nothing is written into the library; ffmpeg writes to its stdout.
 */
import { spawn } from 'node:child_process'
import type { FileHandle } from 'node:fs/promises'
import { FFMPEG_COMMAND } from '../editions/ffmpeg-tools.ts'
import { openLibraryFile, type LibraryConfinement } from '../library/library-file-open.ts'
import type { ArtRef } from '../library/metadata/art-ref.ts'

/** Fits a 16:9 card at twice its CSS size, and a portrait poster at the card's height. */
export const ART_BOX = { width: 480, height: 540 }
/** Posters from disk larger than this are not pictures anyone meant for a grid (nor decoded). */
export const MAX_SOURCE_PICTURE_BYTES = 25 * 1024 * 1024
/** A made picture is ~10–40 KB; this bounds what ffmpeg's stdout may hand back. */
const MAX_OUTPUT_BYTES = 4 * 1024 * 1024
const FFMPEG_TIMEOUT_MS = 30 * 1000
/**
 * A picture bigger than 8K by 8K is refused before it is decoded: a small PNG can claim
 * 60,000 × 60,000 pixels and ask for gigabytes (a decompression bomb).
 */
const MAX_PICTURE_PIXELS = 8192 * 8192
const DECODE_LIMITS = ['-max_pixels', String(MAX_PICTURE_PIXELS)]

export class ArtUnavailable extends Error {}

const SCALE = `scale='min(${ART_BOX.width},iw)':'min(${ART_BOX.height},ih)':force_original_aspect_ratio=decrease`

async function runFfmpeg (args: string[], input: { fd: number } | { bytes: Uint8Array }): Promise<Buffer> {
  return await new Promise((resolve, reject) => {
    const child = spawn(FFMPEG_COMMAND, ['-hide_banner', '-loglevel', 'error', '-nostdin', ...args], {
      stdio: ['bytes' in input ? 'pipe' : 'ignore', 'pipe', 'pipe', ...('fd' in input ? [input.fd] : [])],
      windowsHide: true
    })
    const chunks: Buffer[] = []
    let size = 0
    let stderr = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), FFMPEG_TIMEOUT_MS)
    child.stdout?.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_OUTPUT_BYTES) child.kill('SIGKILL')
      else chunks.push(chunk)
    })
    child.stderr?.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString('utf8')).slice(-2000) })
    child.on('error', err => { clearTimeout(timer); reject(err) })
    child.on('close', code => {
      clearTimeout(timer)
      const output = Buffer.concat(chunks)
      if (code === 0 && output.length > 0) resolve(output)
      else reject(new ArtUnavailable(`ffmpeg ${code === null ? 'was stopped' : `exited ${code}`}: ${stderr.trim().split('\n').at(-1)?.slice(0, 200) ?? 'no picture'}`))
    })
    if ('bytes' in input && child.stdin !== null) {
      child.stdin.on('error', () => {}) // ffmpeg may stop reading early; its exit code says what happened
      child.stdin.end(input.bytes)
    }
  })
}

const WEBP_OUTPUT = ['-vf', SCALE, '-frames:v', '1', '-c:v', 'libwebp', '-quality', '72', '-f', 'webp', 'pipe:1']

async function withSource<T> (ref: ArtRef, confinement: LibraryConfinement, use: (handle: FileHandle) => Promise<T>): Promise<T> {
  let handle: FileHandle
  try {
    handle = await openLibraryFile(ref.absolutePath, confinement)
  } catch (err) {
    throw new ArtUnavailable(err instanceof Error ? err.message : String(err))
  }
  try {
    return await use(handle)
  } finally {
    await handle.close()
  }
}

/** The cover inside a media file (ID3 APIC, FLAC picture, MP4 `covr`, Matroska `cover.*` attachment). */
export async function embeddedPicture (handle: FileHandle): Promise<Uint8Array> {
  // Reopening the open descriptor reads the same file, confined, with random access.
  const { parseFile } = await import('music-metadata')
  const meta = await parseFile(`/proc/self/fd/${handle.fd}`, { duration: false, skipPostHeaders: true })
  const pictures = meta.common.picture ?? []
  const front = pictures.find(picture => /front|cover/i.test(`${picture.type ?? ''} ${picture.name ?? ''}`)) ?? pictures[0]
  if (front === undefined) throw new ArtUnavailable('the file has no embedded picture any more')
  if (front.data.length > MAX_SOURCE_PICTURE_BYTES) throw new ArtUnavailable(`embedded picture is larger than ${MAX_SOURCE_PICTURE_BYTES} bytes`)
  return front.data
}

/** The picture for `ref` as WebP bytes, or throws `ArtUnavailable` with the reason. */
export async function makeArt (ref: ArtRef, confinement: LibraryConfinement): Promise<Buffer> {
  return await withSource(ref, confinement, async handle => {
    if (ref.kind === 'embedded') return await runFfmpeg([...DECODE_LIMITS, '-i', 'pipe:0', ...WEBP_OUTPUT], { bytes: await embeddedPicture(handle) })
    if (ref.kind === 'file') {
      const { size } = await handle.stat()
      if (size > MAX_SOURCE_PICTURE_BYTES) throw new ArtUnavailable(`picture is larger than ${MAX_SOURCE_PICTURE_BYTES} bytes`)
      return await runFfmpeg([...DECODE_LIMITS, '-i', '/dev/fd/3', ...WEBP_OUTPUT], { fd: handle.fd })
    }
    try {
      return await runFfmpeg(['-ss', String(ref.atSec), '-i', '/dev/fd/3', ...WEBP_OUTPUT], { fd: handle.fd })
    } catch (err) {
      // A duration that was wrong (or no duration at all): the first frame still beats nothing.
      if (ref.atSec === 0 || !(err instanceof ArtUnavailable)) throw err
      return await runFfmpeg(['-i', '/dev/fd/3', ...WEBP_OUTPUT], { fd: handle.fd })
    }
  })
}
