/**
 * A still picture of a live channel for the app's Live row: the first frame of the newest
 * segment (an independent segment starts with a keyframe), decoded by a short ffmpeg run fed
 * the init segment and that segment on stdin. Costs one keyframe decode per still, so even a
 * channel whose video is copied (never decoded) gets a picture.
 */
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { FFMPEG_COMMAND } from '../editions/ffmpeg-tools.ts'
import { PLAYLIST_FILE } from './live-args.ts'

const STILL_TIMEOUT_MS = 10 * 1000
const MAX_STILL_BYTES = 2 * 1024 * 1024
const STILL_HEIGHT_PX = 360

/** The init segment and the newest media segment the playlist names, or null when it names none. */
export function newestSegmentOf (playlist: string): { init: string, segment: string } | null {
  const init = /#EXT-X-MAP:URI="([^"]+)"/.exec(playlist)?.[1]
  const segment = playlist.split('\n').map(line => line.trim()).filter(line => line !== '' && !line.startsWith('#')).at(-1)
  return init === undefined || segment === undefined ? null : { init, segment }
}

/** A JPEG of the newest segment's first frame, or null when there is no segment yet or ffmpeg fails. */
export async function takeStill (dir: string, fileAllowed: (file: string) => boolean): Promise<Buffer | null> {
  const playlist = await readFile(path.join(dir, PLAYLIST_FILE), 'utf8').catch(() => null)
  const newest = playlist === null ? null : newestSegmentOf(playlist)
  if (newest === null || !fileAllowed(newest.init) || !fileAllowed(newest.segment)) return null
  let input: Buffer
  try {
    input = Buffer.concat([await readFile(path.join(dir, newest.init)), await readFile(path.join(dir, newest.segment))])
  } catch {
    return null // the ring moved on between reading the playlist and the segment
  }
  return await new Promise(resolve => {
    const child = spawn(FFMPEG_COMMAND, ['-hide_banner', '-nostats', '-loglevel', 'error', '-f', 'mp4', '-i', 'pipe:0', '-frames:v', '1', '-vf', `scale=-2:${STILL_HEIGHT_PX}`, '-f', 'image2', '-c:v', 'mjpeg', '-q:v', '5', 'pipe:1'], { stdio: ['pipe', 'pipe', 'ignore'] })
    const chunks: Buffer[] = []
    let size = 0
    const timer = setTimeout(() => child.kill('SIGKILL'), STILL_TIMEOUT_MS)
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_STILL_BYTES) child.kill('SIGKILL')
      else chunks.push(chunk)
    })
    child.stdin.on('error', () => {}) // ffmpeg may stop reading once it has its frame
    child.stdin.end(input)
    child.on('error', () => { clearTimeout(timer); resolve(null) })
    child.on('close', code => {
      clearTimeout(timer)
      resolve(code === 0 && size > 0 && size <= MAX_STILL_BYTES ? Buffer.concat(chunks) : null)
    })
  })
}
