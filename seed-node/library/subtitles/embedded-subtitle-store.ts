/**
 * Text subtitle streams inside media files (MKV, MP4), extracted once by ffmpeg to WebVTT and
 * kept in `<state>/subtitles/<itemId>/<stream>.vtt`. Lazily: the first request for any of an
 * item's streams runs ffmpeg once for all of them (it reads the whole file either way), so
 * nothing is extracted that nobody asked for and the catalog never waits.
 * Bounds: one ffmpeg run at a time (at low CPU priority) with at most MAX_WAITING items
 * queued behind it, a run stopped after EXTRACT_TIMEOUT_MS, and the folder kept under
 * MAX_CACHE_BYTES (least recently read items removed first). Item ids are infohashes of the
 * media's content, so a copy never goes stale: a changed file is a new item.
 */
import { mkdir, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises'
import path from 'node:path'
import { ApiError } from '../../../protocol/api/api-error.ts'
import { runBackgroundFfmpeg } from '../../editions/background-ffmpeg.ts'
import type { Logger } from '../../lib/log.ts'
import { seedFilesOf, type LibraryItem } from '../library-item.ts'

/** WebVTT of every film's subtitles together stays far below this (a film's track is ~100 KiB). */
const MAX_CACHE_BYTES = 256 * 1024 * 1024
/** ffmpeg reads the whole file to find every cue: minutes for a large film on a USB disk. */
const EXTRACT_TIMEOUT_MS = 10 * 60 * 1000
/** Items waiting for the ffmpeg run in progress; past this, requests are refused as busy. */
const MAX_WAITING = 32
/** Below the seed node's own priority: serving bytes comes first. */
const FFMPEG_NICENESS = 10
/** A request waits this long for the extraction, then is told to come back (the run goes on): a large film on a USB disk takes minutes. */
const REQUEST_WAIT_MS = 20 * 1000

export class EmbeddedSubtitleStore {
  private readonly root: string
  /** One run per item, shared by every request for its streams. */
  private readonly runs = new Map<string, Promise<void>>()
  /** The run in progress; the next one waits for it. */
  private queue: Promise<void> = Promise.resolve()
  private waiting = 0

  constructor (stateDir: string, private readonly log: Logger) {
    this.root = path.join(stateDir, 'subtitles')
  }

  /** The WebVTT of one text stream of the item, extracted now if it was not yet. */
  async vtt (item: LibraryItem, stream: number): Promise<Buffer> {
    const file = this.fileOf(item.stored.infoHash, stream)
    const cached = await readFile(file).catch(() => null)
    if (cached !== null) {
      const now = new Date()
      await utimes(file, now, now).catch(() => undefined)
      return cached
    }
    if (item.availability === 'offline') throw new ApiError('HEARTH_E_ITEM_OFFLINE', 'the item\'s file cannot be read right now')
    const extraction = this.extract(item)
    let timer: NodeJS.Timeout | undefined
    const waited = await Promise.race([
      extraction.then(() => true),
      new Promise<false>(resolve => { timer = setTimeout(() => resolve(false), REQUEST_WAIT_MS) })
    ]).finally(() => clearTimeout(timer))
    if (!waited) {
      extraction.catch(() => undefined)
      throw new ApiError('HEARTH_E_BUSY', 'the subtitles inside this file are still being extracted; ask again in a few seconds')
    }
    const made = await readFile(file).catch(() => null)
    if (made === null) throw new ApiError('HEARTH_E_SUBTITLE_FAILED', `ffmpeg found no subtitle stream ${stream} in this file`)
    return made
  }

  private fileOf (itemId: string, stream: number): string {
    return path.join(this.root, itemId, `${stream}.vtt`)
  }

  private async extract (item: LibraryItem): Promise<void> {
    const itemId = item.stored.infoHash
    const running = this.runs.get(itemId)
    if (running !== undefined) return await running
    if (this.waiting >= MAX_WAITING) throw new ApiError('HEARTH_E_BUSY', 'the home server is extracting other subtitles; try again in a moment')
    this.waiting++
    const run = this.queue.then(async () => { this.waiting--; await this.runFfmpeg(item) })
    this.queue = run.catch(() => undefined)
    this.runs.set(itemId, run)
    try {
      await run
    } finally {
      this.runs.delete(itemId)
    }
  }

  private async runFfmpeg (item: LibraryItem): Promise<void> {
    const itemId = item.stored.infoHash
    const streams = item.subtitles.flatMap(subtitle => subtitle.kind === 'embedded' ? [subtitle.stream] : [])
    const mediaPath = seedFilesOf(item).diskPaths[item.mediaTorrentPath]
    if (streams.length === 0 || mediaPath === undefined) return
    const dir = path.join(this.root, itemId)
    await mkdir(dir, { recursive: true, mode: 0o700 })
    const part = (stream: number): string => `${this.fileOf(itemId, stream)}.part`
    const outputs = streams.flatMap(stream => ['-map', `0:${stream}`, '-c:s', 'webvtt', '-f', 'webvtt', part(stream)])
    const startedMs = Date.now()
    try {
      // -copyts: cue times stay the file's own, as the browser's clock reads them when it plays the file.
      await runBackgroundFfmpeg(['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-copyts', '-i', mediaPath, '-vn', '-an', '-dn', ...outputs], { timeoutMs: EXTRACT_TIMEOUT_MS, niceness: FFMPEG_NICENESS })
      for (const stream of streams) await rename(part(stream), this.fileOf(itemId, stream))
      this.log.info('subtitles.extracted', { item: itemId, streams: streams.length, tookMs: Date.now() - startedMs })
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err)
      this.log.warn('subtitles.extract_failed', { item: itemId, reason })
      await Promise.all(streams.map(async stream => await rm(part(stream), { force: true })))
      throw new ApiError('HEARTH_E_SUBTITLE_FAILED', `the subtitles inside this file could not be read (${reason})`)
    }
    await this.evict(itemId).catch((err: unknown) => this.log.warn('subtitles.evict_failed', { error: String(err) }))
  }

  /** Removes least recently read items' folders until the cache fits its bound (never `keep`, just made). */
  private async evict (keep: string): Promise<void> {
    let total = 0
    const candidates: Array<{ dir: string, bytes: number, usedMs: number }> = []
    for (const itemId of await readdir(this.root)) {
      const dir = path.join(this.root, itemId)
      let bytes = 0
      let usedMs = 0
      for (const name of await readdir(dir).catch(() => [])) {
        const info = await stat(path.join(dir, name)).catch(() => null)
        bytes += info?.size ?? 0
        usedMs = Math.max(usedMs, info?.mtimeMs ?? 0)
      }
      total += bytes
      if (itemId !== keep) candidates.push({ dir, bytes, usedMs })
    }
    for (const folder of candidates.sort((a, b) => a.usedMs - b.usedMs)) {
      if (total <= MAX_CACHE_BYTES) break
      await rm(folder.dir, { recursive: true, force: true })
      total -= folder.bytes
      this.log.info('subtitles.evicted', { dir: path.basename(folder.dir) })
    }
  }
}
