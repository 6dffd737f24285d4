/**
 * Browser editions on demand: a device that cannot play an item as it is asks for an
 * edition (protocol/api/editions.ts) from the second it will start at. The edition's time
 * line is fixed first (edition-layout.ts): the player gets a playlist of the whole film and
 * can seek anywhere; segments are made by ffmpeg runs (edition-job.ts), started and stopped by edition-runs.ts:
 *
 *   segment n asked ─┬─ on disk ──────────────────────────────▶ served
 *                    ├─ a run will reach it within seconds ───▶ wait, served
 *                    └─ otherwise (a seek past the prepared part) ▶ a new run starts at n
 *
 * An edition may have several runs, one per place being watched (two devices at different
 * points of the same film do not take turns restarting one run). Runs nobody follows stop
 * (run-stops.ts: sooner when a seek left them behind). Bounds: at most two
 * ffmpeg processes in all (the least recently used run is stopped for a new one), an
 * unfinished edition nobody used for IDLE_STOP_MS is removed, and complete editions stay
 * within `--editions-max-gb` (edition-cache.ts). A complete edition is seeded as a torrent
 * (edition-seeding.ts); runs made ahead of time (`--editions ahead`, edition-ahead.ts) run at
 * the lowest priority, are held still while a device waits for another edition, and go first
 * when room is needed.
 */
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { ApiError } from '../../protocol/api/api-error.ts'
import { editionFilePath, editionKeyOf, type EditionReply, type EditionRequest } from '../../protocol/api/editions.ts'
import type { EditionSupport } from '../../protocol/media-facts.ts'
import type { LibraryRegistry } from '../library/library-registry.ts'
import { seedFilesOf } from '../library/library-item.ts'
import type { Logger } from '../lib/log.ts'
import type { EditionInput } from './edition-args.ts'
import { evictEditions, isCompleteEdition, listEditions, removeUnfinished, touchEdition } from './edition-cache.ts'
import type { EditionJob } from './edition-job.ts'
import { layoutPlaylist, segmentAt, segmentIndexOf, segmentStartSec } from './edition-layout.ts'
import { planLayout, readLayout, writeLayout } from './edition-layout-file.ts'
import type { FfmpegTools } from './ffmpeg-tools.ts'
import { IDLE_STOP_MS, runsToStop } from './run-stops.ts'
import { measureTranscodePixelRate, transcodeSpeedFor } from './transcode-speed.ts'
import { EditionSeeding, type EditionSeeder } from './edition-seeding.ts'
import type { EditionTorrent } from './edition-torrent.ts'
import { exists, type EditionEntry } from './edition-entry.ts'
import { EditionRuns } from './edition-runs.ts'

const IDLE_CHECK_MS = 15 * 1000
/** How long the first ask waits for its first segment (below the app's 15 s API timeout). */
const FIRST_SEGMENT_WAIT_MS = 12 * 1000
/** How long a segment fetch waits before answering "busy, ask again" (hls.js waits 30 s for a first byte, see edition-player.ts). */
const SEGMENT_WAIT_MS = 20 * 1000
const BYTES_PER_GB = 1024 ** 3

export interface EditionServiceOptions {
  stateDir: string
  mode: 'on-demand' | 'ahead' | 'off'
  maxGb: number
  transcodeVideo: boolean
  tools: FfmpegTools
  registry: LibraryRegistry
  log: Logger
  /** The seed node's WebTorrent client: finished editions are seeded as torrents (edition-seeding.ts). Absent: not seeded. */
  seeder?: EditionSeeder
}

export class EditionService {
  private readonly root: string
  private readonly entries = new Map<string, EditionEntry>()
  /** Editions whose time line is being worked out: two devices asking at once get the same one. */
  private readonly starting = new Map<string, Promise<EditionEntry>>()
  private readonly idleTimer: NodeJS.Timeout
  /** Pixels per second this machine converts to H.264, timed at start with `--transcode-video`. */
  private transcodePixelRate: number | null = null
  /** Finished editions as torrents. */
  readonly seeding: EditionSeeding
  private readonly runs: EditionRuns

  constructor (private readonly options: EditionServiceOptions) {
    this.root = path.join(options.stateDir, 'editions')
    this.idleTimer = setInterval(() => { this.stopIdle() }, IDLE_CHECK_MS)
    this.idleTimer.unref()
    this.seeding = new EditionSeeding(this.root, options.seeder ?? null, options.log, () => { this.evict() })
    this.runs = new EditionRuns(this.entries, this.root, options.log, entry => {
      this.seeding.enqueue(entry.dir)
      this.evict()
    })
  }

  /** What the catalog tells devices about editions here. */
  support (): EditionSupport {
    if (this.options.tools.ffmpeg === null) return 'no-ffmpeg'
    return this.options.mode === 'off' ? 'off' : 'on-demand'
  }

  get transcodeVideo (): boolean {
    return this.options.transcodeVideo && this.support() === 'on-demand'
  }

  /** × real time a picture of this size converts at here, or null (no `--transcode-video`, or not measured yet). */
  transcodeSpeed (width: number | null, height: number | null): number | null {
    return this.transcodeVideo && this.transcodePixelRate !== null ? transcodeSpeedFor(this.transcodePixelRate, width, height) : null
  }

  /** Removes what a crash left unfinished and fits the folder to its bound; starts timing conversion. */
  async open (): Promise<void> {
    if (this.transcodeVideo) {
      // Not awaited: start-up does not wait for the few seconds it takes.
      measureTranscodePixelRate().then(rate => {
        this.transcodePixelRate = rate
        this.options.log.info('editions.transcode_speed', rate === null ? { measured: false } : { speed1080p: transcodeSpeedFor(rate, 1920, 1080), speed720p: transcodeSpeedFor(rate, 1280, 720) })
      }, () => undefined)
    }
    const removed = await removeUnfinished(this.root, new Set())
    const evicted = await evictEditions(this.root, this.options.maxGb * BYTES_PER_GB, new Set())
    const keptEditions = await listEditions(this.root)
    const kept = keptEditions.length
    if (this.support() !== 'no-ffmpeg') await this.seeding.restore(keptEditions)
    this.options.log.info('editions.ready', { mode: this.support(), kept, removedUnfinished: removed, evicted: evicted.length, maxGb: this.options.maxGb })
  }

  async request (itemId: string, request: EditionRequest): Promise<EditionReply> {
    const support = this.support()
    if (support === 'no-ffmpeg') throw new ApiError('HEARTH_E_EDITIONS_OFF', 'this home server has no ffmpeg, so it cannot prepare a copy this browser can play; install ffmpeg on it')
    if (support === 'off') throw new ApiError('HEARTH_E_EDITIONS_OFF', 'browser editions are turned off on this home server (--editions off)')
    if (request.video === 'h264' && !this.options.transcodeVideo) throw new ApiError('HEARTH_E_TRANSCODE_OFF', 'this home server converts video only with --transcode-video')
    const item = this.options.registry.get(itemId)
    if (!item) throw new ApiError('HEARTH_E_UNKNOWN_ITEM', `no library item with id ${itemId.slice(0, 80)}`)
    if (item.availability === 'offline') throw new ApiError('HEARTH_E_ITEM_OFFLINE', 'the home server cannot read this file right now')
    const facts = item.stored.probe.facts
    const audio = facts?.audio.find(track => track.index === request.audioTrack)
    if (facts !== undefined && facts.audio.length > 0 && audio === undefined) throw new ApiError('HEARTH_E_BAD_REQUEST', `the file has no audio track ${request.audioTrack}`)
    const durationSec = item.stored.probe.durationSec
    if (durationSec === null || durationSec <= 0) throw new ApiError('HEARTH_E_EDITION_FAILED', 'the length of this file is unknown, so no compatible copy can be made; it may be damaged or incomplete')
    const key = editionKeyOf(request)
    const dir = path.join(this.root, item.stored.infoHash, key)
    const playlistUrl = editionFilePath(item.stored.infoHash, key, 'index.m3u8')
    const known = this.entries.get(dir)
    if (known === undefined && await isCompleteEdition(dir)) {
      await touchEdition(dir)
      const layout = await readLayout(dir)
      const startSec = layout === null ? 0 : segmentStartSec(layout, segmentAt(layout, request.startSec))
      return { itemId: item.stored.infoHash, key, state: 'ready', playlistUrl, preparedSec: durationSec - startSec, startSec, durationSec, speed: null }
    }
    const input: EditionInput = {
      absolutePath: seedFilesOf(item).diskPaths[item.mediaTorrentPath] ?? path.join(this.root, '..', 'missing'),
      videoCodec: facts?.video?.codec ?? item.stored.probe.videoCodec,
      audioCodec: audio?.codec ?? (facts === undefined ? item.stored.probe.audioCodec ?? 'unknown' : null)
    }
    const entry = known ?? await this.entryFor(dir, item.stored.infoHash, input, { ...request, startSec: 0 }, durationSec)
    entry.lastUsedMs = Date.now()
    const wanted = segmentAt(entry.layout, request.startSec)
    const ready = await this.runs.ensureSegment(entry, wanted, FIRST_SEGMENT_WAIT_MS)
    if (!ready) throw new ApiError('HEARTH_E_BUSY', 'the home server is slow to prepare this film; try again in a moment')
    const startSec = segmentStartSec(entry.layout, wanted)
    const job = await this.runs.covering(entry, wanted)
    const next = job === undefined ? wanted + 1 : await job.next()
    const preparedSec = entry.complete ? durationSec - startSec : Math.min(durationSec, segmentStartSec(entry.layout, next)) - startSec
    return { itemId: item.stored.infoHash, key, state: entry.complete ? 'ready' : 'preparing', playlistUrl, preparedSec, startSec, durationSec, speed: entry.complete ? null : job?.speed ?? null }
  }

  /** The whole-film playlist of an edition; throws for editions that are not known here. */
  async playlist (itemId: string, key: string): Promise<string> {
    const dir = path.join(this.root, itemId, key)
    const entry = this.entries.get(dir)
    if (entry !== undefined) entry.lastUsedMs = Date.now()
    else await touchEdition(dir)
    const layout = entry?.layout ?? await readLayout(dir)
    if (layout === null) throw new ApiError('HEARTH_E_NOT_FOUND', 'no such edition (not asked for yet, or removed from the cache)')
    return layoutPlaylist(layout)
  }

  /**
   * The disk path of an edition file, made first when it is a segment not prepared yet
   * (waiting for the running ffmpeg, or starting one there). Marks the edition as used.
   */
  async filePath (itemId: string, key: string, file: string): Promise<string> {
    const dir = path.join(this.root, itemId, key)
    const diskPath = path.join(dir, file)
    const entry = this.entries.get(dir)
    const index = segmentIndexOf(file)
    if (entry !== undefined) entry.lastUsedMs = Date.now()
    if (entry !== undefined && index !== null) await this.runs.covering(entry, index) // the viewer still follows that run
    if (entry === undefined || entry.complete || await exists(diskPath)) return diskPath
    // The init segment is written by whichever run starts first; segment 0 brings one along.
    const ready = await this.runs.ensureSegment(entry, index ?? entry.jobs.at(-1)?.startSegment ?? 0, SEGMENT_WAIT_MS)
    if (!ready && !await exists(diskPath)) throw new ApiError('HEARTH_E_BUSY', 'this part of the film is still being prepared; ask again')
    return diskPath
  }

  close (): void {
    clearInterval(this.idleTimer)
    for (const entry of this.entries.values()) for (const job of entry.jobs) job.stop()
  }

  private async entryFor (dir: string, itemId: string, input: EditionInput, request: EditionRequest, durationSec: number): Promise<EditionEntry> {
    const pending = this.starting.get(dir)
    if (pending !== undefined) return await pending
    const made = (async (): Promise<EditionEntry> => {
      const layout = await planLayout(input, request, durationSec, path.dirname(dir))
      await rm(dir, { recursive: true, force: true })
      await mkdir(dir, { recursive: true, mode: 0o700 })
      await writeLayout(dir, layout)
      const entry: EditionEntry = { itemId, dir, layout, input, request, jobs: [], lastUsedMs: Date.now(), complete: false, completing: Promise.resolve(), switching: null }
      this.entries.set(dir, entry)
      return entry
    })().finally(() => this.starting.delete(dir))
    this.starting.set(dir, made)
    return await made
  }

  /** Fits the folder to `--editions-max-gb`; evicted editions stop being seeded. */
  private evict (): void {
    const busy = new Set([...this.runs.running().map(({ entry }) => entry.dir), ...this.seeding.busy()])
    evictEditions(this.root, this.options.maxGb * BYTES_PER_GB, busy).then(
      async removed => {
        if (removed.length === 0) return
        for (const dir of removed) this.entries.delete(dir)
        this.options.log.info('editions.evicted', { count: removed.length })
        await this.seeding.forget(removed)
      },
      (err: unknown) => this.options.log.warn('editions.evict_failed', { error: String(err) })
    )
  }

  /** Marks the newest running run of this edition as a background one (`--editions ahead`); returns it, or null when none runs. */
  runInBackground (itemId: string, key: string): EditionJob | null {
    return this.runs.moveToBackground(this.entries.get(path.join(this.root, itemId, key)))
  }

  /** Whether the edition is complete, once any finished run's check is done. */
  async isComplete (itemId: string, key: string): Promise<boolean> {
    const dir = path.join(this.root, itemId, key)
    await this.entries.get(dir)?.completing
    return await isCompleteEdition(dir)
  }

  /** Seconds of the film the newest run of this edition has prepared (`--editions ahead`'s progress). */
  async preparedSec (itemId: string, key: string): Promise<number> {
    const entry = this.entries.get(path.join(this.root, itemId, key))
    const job = entry?.jobs.at(-1)
    if (entry === undefined || job === undefined) return 0
    return Math.min(entry.layout.durationSec, segmentStartSec(entry.layout, await job.next()))
  }

  /** ffmpeg runs now, and the bytes the editions folder holds. */
  async usage (): Promise<{ running: number, cachedBytes: number, maxBytes: number }> {
    const cachedBytes = (await listEditions(this.root)).reduce((sum, edition) => sum + edition.sizeBytes, 0)
    return { running: this.runs.running().length, cachedBytes, maxBytes: this.options.maxGb * BYTES_PER_GB }
  }

  /** The torrent of a finished edition, once it is seeded (the app then prefers it to HLS). */
  torrentFor (itemId: string, key: string): EditionTorrent | undefined {
    return this.seeding.torrentOf(path.join(this.root, itemId, key))
  }

  /** Nobody watches: runs stop (run-stops.ts); an unfinished edition nobody used for as long is removed. */
  private stopIdle (): void {
    const now = Date.now()
    for (const entry of [...this.entries.values()]) {
      for (const { run, reason } of runsToStop(entry.jobs.filter(job => job.state.kind === 'running' && !job.background), now)) {
        this.options.log.info(reason === 'idle' ? 'editions.stopped_idle' : 'editions.stopped_left_behind', { dir: path.relative(this.root, entry.dir), fromSec: segmentStartSec(entry.layout, run.startSegment) })
        run.stop()
      }
      if (now - entry.lastUsedMs <= IDLE_STOP_MS || entry.jobs.some(job => job.state.kind === 'running') || entry.switching !== null) continue
      this.entries.delete(entry.dir)
      if (!entry.complete) rm(entry.dir, { recursive: true, force: true }).catch(() => undefined)
    }
  }
}
