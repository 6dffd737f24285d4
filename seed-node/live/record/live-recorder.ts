/**
 * `--live-record`: keeps a channel's last hours as MP4 files, without a second encoder. The
 * ring already holds fMP4 (an init segment and independent media segments), and an init
 * segment followed by consecutive media segments is a valid fragmented MP4: so each new
 * segment is appended to the current file as it appears in the playlist.
 *  - A file is written under a hidden temporary name (`.<start>.mp4.part`) and renamed to
 *    `<start>.mp4` (the local wall-clock time of its first segment) when it is full
 *    (record-spec.ts rotationMs), when ffmpeg restarts (a new init segment), or after the
 *    channel has been silent for IDLE_FINISH_MS: a scanner never sees half a file.
 *  - Finished files older than the window are deleted, so disk use is bounded by the window.
 *  - A write that fails (a full disk) is logged once; the half-written segment is cut off,
 *    the file finished, and recording pauses for PAUSE_AFTER_ERROR_MS (pruning first).
 *    Live playback never depends on it: this only reads the ring.
 */
import { open, readdir, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import type { Logger } from '../../lib/log.ts'
import { PLAYLIST_FILE, RING_FILE } from '../live-args.ts'
import { Fmp4Error, rebaseSegment, type TrackBases } from './fmp4-rebase.ts'
import { recordFileBase, ringPlaylistEntries, rotationMs } from './record-spec.ts'

const POLL_MS = 1000
const IDLE_FINISH_MS = 15 * 1000
const PAUSE_AFTER_ERROR_MS = 60 * 1000
const PRUNE_EVERY_MS = 60 * 1000
const PART_SUFFIX = '.mp4.part'
const FINISHED = /^\d{4}-\d\d-\d\d \d\d\.\d\d\.\d\d( \(\d+\))?\.mp4$/

export interface LiveRecorderOptions {
  channel: string
  ringDir: string
  /** This channel's folder under `--live-record-dir`. */
  dir: string
  keepMs: number
  log: Logger
}

interface OpenFile {
  handle: FileHandle
  tempPath: string
  base: string
  init: string
  startedMs: number
  size: number
  segments: number
  /** Each track's decode time at the file's start (fmp4-rebase.ts). */
  bases: TrackBases
}

export class LiveRecorder {
  private file: OpenFile | null = null
  private lastSequence = -1
  private lastInit: string | null = null
  private lastNewMs = 0
  private pausedUntilMs = 0
  private prunedMs = 0
  private timer: NodeJS.Timeout | null = null
  private ticking: Promise<void> = Promise.resolve()
  private busy = false
  private readonly rotateMs: number

  constructor (private readonly options: LiveRecorderOptions) {
    this.rotateMs = rotationMs(options.keepMs)
  }

  start (): void {
    this.timer = setInterval(() => {
      // One tick at a time, and none queued behind a slow one: on a stalled disk the ticks
      // would otherwise pile up for as long as it stalls, then run back to back.
      if (this.busy) return
      this.busy = true
      this.ticking = this.tick().catch(err => {
        this.options.log.error('live.record_failed', { channel: this.options.channel, error: err instanceof Error ? err.message : String(err) })
      }).finally(() => { this.busy = false })
    }, POLL_MS)
  }

  async close (): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer)
    await this.ticking
    await this.finish()
  }

  private async tick (): Promise<void> {
    const now = Date.now()
    if (now - this.prunedMs >= PRUNE_EVERY_MS) await this.prune(now)
    if (now < this.pausedUntilMs) return
    const playlist = await readFile(path.join(this.options.ringDir, PLAYLIST_FILE), 'utf8').catch(() => null)
    const { init, segments } = playlist === null ? { init: null, segments: [] } : ringPlaylistEntries(playlist)
    if (init === null || !RING_FILE.test(init)) {
      if (this.file !== null && now - this.lastNewMs > IDLE_FINISH_MS) await this.finish()
      return
    }
    if (init !== this.lastInit) {
      // ffmpeg started again: its segments go to a file of their own, after its own init segment.
      await this.finish()
      this.lastInit = init
      this.lastSequence = -1
    }
    const fresh = segments.filter(segment => segment.sequence > this.lastSequence && RING_FILE.test(segment.name))
    if (fresh.length === 0) {
      if (this.file !== null && now - this.lastNewMs > IDLE_FINISH_MS) await this.finish()
      return
    }
    for (const segment of fresh) {
      const bytes = await readFile(path.join(this.options.ringDir, segment.name)).catch(() => null)
      this.lastSequence = segment.sequence
      if (bytes === null) continue // left the ring already (the seed node was busy): a gap, not an error
      if (!await this.append(init, bytes, now)) return
      if (this.file !== null && now - this.file.startedMs >= this.rotateMs) await this.finish()
      this.lastNewMs = now
    }
  }

  /** Appends a segment, opening a file (with the init segment) first if none is open; false when writing failed. */
  private async append (init: string, segment: Buffer, now: number): Promise<boolean> {
    try {
      if (this.file === null) {
        const initBytes = await readFile(path.join(this.options.ringDir, init)).catch(() => null)
        if (initBytes === null) return true
        this.file = await this.create(init, now)
        await this.write(initBytes)
      }
      let body: Buffer
      try {
        body = rebaseSegment(segment, this.file.bases)
      } catch (err) {
        if (!(err instanceof Fmp4Error)) throw err
        this.options.log.warn('live.record_segment_skipped', { channel: this.options.channel, error: err.message })
        return true
      }
      await this.write(body)
      this.file.segments++
      return true
    } catch (err) {
      await this.pause(err, now)
      return false
    }
  }

  private async create (init: string, now: number): Promise<OpenFile> {
    const { dir } = this.options
    const names = new Set(await readdir(dir).catch(() => []))
    let base = recordFileBase(new Date(now))
    for (let n = 2; names.has(`${base}.mp4`) || names.has(`.${base}${PART_SUFFIX}`); n++) base = `${recordFileBase(new Date(now))} (${n})`
    const tempPath = path.join(dir, `.${base}${PART_SUFFIX}`)
    const handle = await open(tempPath, 'w', 0o644)
    return { handle, tempPath, base, init, startedMs: now, size: 0, segments: 0, bases: new Map() }
  }

  private async write (bytes: Buffer): Promise<void> {
    const file = this.file
    if (file === null) return
    try {
      await file.handle.write(bytes, 0, bytes.length, file.size)
      file.size += bytes.length
    } catch (err) {
      // Cut off what part of the segment made it, so the file ends at a whole fragment.
      await file.handle.truncate(file.size).catch(() => {})
      throw err
    }
  }

  private async pause (err: unknown, now: number): Promise<void> {
    const code = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err))
    this.options.log.warn('live.record_paused', { channel: this.options.channel, error: code, retryInSec: PAUSE_AFTER_ERROR_MS / 1000, hint: code === 'ENOSPC' ? 'the recording disk is full' : undefined })
    await this.finish()
    this.pausedUntilMs = now + PAUSE_AFTER_ERROR_MS
    await this.prune(now)
  }

  /** Closes the open file and gives it its final name (an empty one, only an init segment, is deleted). */
  private async finish (): Promise<void> {
    const file = this.file
    if (file === null) return
    this.file = null
    await file.handle.close().catch(() => {})
    if (file.segments === 0) return void await rm(file.tempPath, { force: true })
    const finalPath = path.join(this.options.dir, `${file.base}.mp4`)
    await rename(file.tempPath, finalPath).catch(async () => await rm(file.tempPath, { force: true }))
    this.options.log.info('live.record_file', { channel: this.options.channel, file: path.basename(finalPath), bytes: file.size, sec: Math.round((Date.now() - file.startedMs) / 1000) })
  }

  /** Deletes finished files last written before the window, and temporary files an earlier run left. */
  private async prune (now: number): Promise<void> {
    this.prunedMs = now
    const { dir, keepMs } = this.options
    for (const name of await readdir(dir).catch(() => [])) {
      const full = path.join(dir, name)
      const leftover = name.endsWith(PART_SUFFIX) && full !== this.file?.tempPath
      if (!leftover && !FINISHED.test(name)) continue // not ours: the user's own files stay
      const info = await stat(full).catch(() => null)
      if (info !== null && (leftover || now - info.mtimeMs > keepMs)) await rm(full, { force: true })
    }
  }
}
