/**
 * What one live channel made and served since start, for `/api/status`
 * (protocol/api/status.ts `LiveChannelStatus`): segments ffmpeg finished, bytes sent to
 * viewers over HTTP, the distinct players watching now, and the ring's bytes on disk.
 *
 * A viewer is a player that asked for the playlist within VIEWER_WINDOW_MS: every player
 * polls it once a segment, also one fed by peers, so the count includes P2P viewers that
 * take no segment from the seed node. The app names its player in the playlist URL
 * (`?viewer=<random>`, protocol/api/live.ts) so that two browsers behind one address count
 * as two; a client that does not (Safari's native player given another URL, curl) counts
 * by its address.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { PLAYLIST_FILE } from './live-args.ts'

export const VIEWER_WINDOW_MS = 15 * 1000
/** Players remembered at most (a bound against a client inventing a name per request). */
const MAX_VIEWERS_TRACKED = 1024
/** The ring is measured on disk at most this often (it changes once a segment). */
const RING_MEASURE_EVERY_MS = 5 * 1000

export interface LiveCounterValues {
  segmentsWritten: number
  bytesServed: number
  viewers: number
  viewerWindowSec: number
  ringBytes: number
}

export class LiveCounters {
  private segmentsInEndedRuns = 0
  private segmentsInRun = 0
  /** The media sequence number the run's first playlist began at (ffmpeg may number from the epoch). */
  private runFirstSequence: number | null = null
  private bytesServed = 0
  private ringBytes = 0
  private ringMeasuredMs = 0
  private readonly viewers = new Map<string, number>()

  /** A new ffmpeg run starts: what the last one made stays counted. */
  startRun (): void {
    this.segmentsInEndedRuns += this.segmentsInRun
    this.segmentsInRun = 0
    this.runFirstSequence = null
  }

  served (bytes: number): void {
    this.bytesServed += bytes
  }

  playlistAsked (viewer: string, nowMs: number): void {
    this.viewers.delete(viewer) // re-inserted last: the map stays in order of last ask
    this.viewers.set(viewer, nowMs)
    if (this.viewers.size > MAX_VIEWERS_TRACKED) this.forgetBefore(nowMs - VIEWER_WINDOW_MS, MAX_VIEWERS_TRACKED)
  }

  /** After ffmpeg rewrote the playlist: counts its segments, and measures the ring now and then. */
  async playlistWritten (ringDir: string, nowMs: number): Promise<void> {
    const text = await readFile(path.join(ringDir, PLAYLIST_FILE), 'utf8').catch(() => null)
    const listed = text === null ? null : playlistSpan(text)
    if (listed !== null) {
      this.runFirstSequence ??= listed.firstSequence
      this.segmentsInRun = Math.max(this.segmentsInRun, listed.firstSequence + listed.count - this.runFirstSequence)
    }
    if (nowMs - this.ringMeasuredMs < RING_MEASURE_EVERY_MS) return
    this.ringMeasuredMs = nowMs
    this.ringBytes = await folderBytes(ringDir)
  }

  /** The ring was emptied (a new run) or removed. */
  ringEmptied (): void {
    this.ringBytes = 0
    this.ringMeasuredMs = 0
  }

  values (nowMs: number): LiveCounterValues {
    this.forgetBefore(nowMs - VIEWER_WINDOW_MS, 0)
    return {
      segmentsWritten: this.segmentsInEndedRuns + this.segmentsInRun,
      bytesServed: this.bytesServed,
      viewers: this.viewers.size,
      viewerWindowSec: VIEWER_WINDOW_MS / 1000,
      ringBytes: this.ringBytes
    }
  }

  /** Drops players last seen before `oldestMs`, and the oldest beyond `keepAtMost` (0: no cap). */
  private forgetBefore (oldestMs: number, keepAtMost: number): void {
    for (const [viewer, lastMs] of this.viewers) {
      const over = keepAtMost > 0 && this.viewers.size > keepAtMost
      if (lastMs >= oldestMs && !over) break
      this.viewers.delete(viewer)
    }
  }
}

/**
 * Where a playlist's window stands: the media sequence number of its first segment (every
 * earlier one was finished and has left the window) and how many it lists. Segments a run
 * made = first sequence + count, less the first sequence of the run's first playlist.
 */
export function playlistSpan (playlist: string): { firstSequence: number, count: number } | null {
  const sequence = /^#EXT-X-MEDIA-SEQUENCE:(\d{1,15})\s*$/m.exec(playlist)?.[1]
  if (sequence === undefined) return null
  return { firstSequence: Number(sequence), count: playlist.match(/^#EXTINF:/gm)?.length ?? 0 }
}

async function folderBytes (dir: string): Promise<number> {
  const names = await readdir(dir).catch(() => [])
  const sizes = await Promise.all(names.map(async name => (await stat(path.join(dir, name)).catch(() => null))?.size ?? 0))
  return sizes.reduce((sum, size) => sum + size, 0)
}
