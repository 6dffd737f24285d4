/**
 * A channel's ring folder, `<state>/live/<channelId>/`: what ffmpeg writes (playlist, init
 * segment, the last segments) and what viewers may read from it. A file name is served only
 * when it has the shape of a ring file (RING_FILE, never a path) and exists in this folder.
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { PLAYLIST_FILE, RING_FILE } from './live-args.ts'

export const LIVE_FOLDER = 'live'

export class LiveRing {
  constructor (readonly dir: string) {}

  static root (stateDir: string): string {
    return path.join(stateDir, LIVE_FOLDER)
  }

  /** Empties the folder before a run: what an earlier run left is not this run's ring. */
  async reset (): Promise<void> {
    await rm(this.dir, { recursive: true, force: true })
    await mkdir(this.dir, { recursive: true })
  }

  async remove (): Promise<void> {
    await rm(this.dir, { recursive: true, force: true })
  }

  /** The disk path of a file a viewer asks for, or null when no such ring file can exist. */
  filePath (file: string): string | null {
    return RING_FILE.test(file) ? path.join(this.dir, file) : null
  }

  /** When ffmpeg last rewrote the playlist (it does at every new segment), or null before the first. */
  async playlistWrittenMs (): Promise<number | null> {
    const info = await stat(path.join(this.dir, PLAYLIST_FILE)).catch(() => null)
    return info === null ? null : info.mtimeMs
  }

  /** How many files the folder holds (the ring's bound is checked against this). */
  async fileCount (): Promise<number> {
    return (await readdir(this.dir).catch(() => [])).length
  }
}
