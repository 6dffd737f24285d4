/**
 * Browser editions on demand: a device that cannot play an item as it is asks for an
 * edition (protocol/api/editions.ts); the first ask starts ffmpeg (edition-job.ts), later
 * asks reuse the running job or the finished edition in the cache (edition-cache.ts).
 * Bounds: at most MAX_RUNNING_JOBS ffmpeg processes (the oldest unused one is stopped for a
 * new one), a running job nobody fetched from for IDLE_STOP_MS is stopped and its folder
 * removed, and the folder stays within `--editions-max-gb`.
 *
 * First version: an edition is made from the start of the file; seeking is possible within
 * the part already prepared (the app says so), not past it.
 */
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { ApiError } from '../../protocol/api/api-error.ts'
import { editionFilePath, editionKeyOf, type EditionReply, type EditionRequest } from '../../protocol/api/editions.ts'
import type { EditionSupport } from '../../protocol/media-facts.ts'
import type { LibraryRegistry } from '../library/library-registry.ts'
import type { Logger } from '../lib/log.ts'
import { editionArgs } from './edition-args.ts'
import { evictEditions, isCompleteEdition, listEditions, removeUnfinished, touchEdition } from './edition-cache.ts'
import { EditionJob } from './edition-job.ts'
import type { FfmpegTools } from './ffmpeg-tools.ts'
import { EditionSeeding, type EditionSeeder } from './edition-seeding.ts'
import type { EditionTorrent } from './edition-torrent.ts'

/** ffmpeg runs at once: a router has few cores, and each run is one viewer's film. */
const MAX_RUNNING_JOBS = 2
/** A running job nobody asked for in this long is stopped (hls.js asks every few seconds while a page plays it). */
const IDLE_STOP_MS = 90 * 1000
const IDLE_CHECK_MS = 15 * 1000
/** How long a request waits for the first segment before answering (below the app's 15 s API timeout; ffmpeg needs a second or two when it copies video). */
const FIRST_SEGMENT_WAIT_MS = 12 * 1000
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
  private readonly jobs = new Map<string, EditionJob>()
  /** Asks being answered per edition folder: two devices asking at once get the same ffmpeg run. */
  private readonly starting = new Map<string, Promise<EditionJob | null>>()
  private readonly idleTimer: NodeJS.Timeout
  /** Finished editions as torrents. */
  readonly seeding: EditionSeeding

  constructor (private readonly options: EditionServiceOptions) {
    this.root = path.join(options.stateDir, 'editions')
    this.idleTimer = setInterval(() => { this.stopIdle() }, IDLE_CHECK_MS)
    this.idleTimer.unref()
    this.seeding = new EditionSeeding(this.root, options.seeder ?? null, options.log, () => { this.evict() })
  }

  /** What the catalog tells devices about editions here. */
  support (): EditionSupport {
    if (this.options.tools.ffmpeg === null) return 'no-ffmpeg'
    return this.options.mode === 'off' ? 'off' : 'on-demand'
  }

  get transcodeVideo (): boolean {
    return this.options.transcodeVideo && this.support() === 'on-demand'
  }

  /** Removes what a crash left unfinished and fits the folder to its bound. */
  async open (): Promise<void> {
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
    const key = editionKeyOf(request)
    const dir = path.join(this.root, item.stored.infoHash, key)
    const job = await this.jobFor(dir, {
      absolutePath: item.diskPaths[item.mediaTorrentPath] ?? path.join(this.root, '..', 'missing'),
      videoCodec: facts?.video?.codec ?? item.stored.probe.videoCodec,
      audioCodec: audio?.codec ?? (facts === undefined ? item.stored.probe.audioCodec ?? 'unknown' : null)
    }, request, itemId)
    return await this.reply(item.stored.infoHash, key, dir, job, item.stored.probe.durationSec)
  }

  /** The disk path of an edition file, marking the edition as used; throws for unknown editions. */
  async filePath (itemId: string, key: string, file: string): Promise<string> {
    const dir = path.join(this.root, itemId, key)
    const job = this.jobs.get(dir)
    if (job !== undefined) job.lastUsedMs = Date.now()
    else if (file === 'index.m3u8') await touchEdition(dir)
    return path.join(dir, file)
  }

  close (): void {
    clearInterval(this.idleTimer)
    for (const job of this.jobs.values()) job.stop()
  }

  private async jobFor (dir: string, input: Parameters<typeof editionArgs>[0], request: EditionRequest, itemId: string): Promise<EditionJob | null> {
    const running = this.jobs.get(dir)
    if (running !== undefined) {
      running.lastUsedMs = Date.now()
      // A device now waits for the edition being made ahead: it runs on as any other (at the priority it had).
      running.background = false
      running.setPaused(false)
      this.yieldToDevices()
      return running
    }
    const pending = this.starting.get(dir)
    if (pending !== undefined) return await pending
    const started = this.startJob(dir, input, request, itemId).finally(() => this.starting.delete(dir))
    this.starting.set(dir, started)
    return await started
  }

  private async startJob (dir: string, input: Parameters<typeof editionArgs>[0], request: EditionRequest, itemId: string): Promise<EditionJob | null> {
    if (await isCompleteEdition(dir)) {
      await touchEdition(dir)
      return null
    }
    this.makeRoom()
    await rm(dir, { recursive: true, force: true })
    await mkdir(dir, { recursive: true, mode: 0o700 })
    const job = new EditionJob(dir, editionArgs(input, request, dir))
    this.jobs.set(dir, job)
    this.yieldToDevices()
    this.options.log.info('editions.started', { item: itemId, key: path.basename(dir), video: request.video, audioFrom: input.audioCodec ?? 'none' })
    job.done.then(state => this.finished(dir, job, state), () => undefined)
    return job
  }

  private finished (dir: string, job: EditionJob, state: EditionJob['state']): void {
    this.jobs.delete(dir)
    this.yieldToDevices()
    const tookSec = Math.round((Date.now() - job.startedAtMs) / 100) / 10
    if (state.kind === 'complete') {
      this.options.log.info('editions.complete', { dir: path.relative(this.root, dir), tookSec })
      this.seeding.enqueue(dir)
      this.evict()
      return
    }
    if (state.kind === 'failed') this.options.log.warn('editions.failed', { dir: path.relative(this.root, dir), reason: state.reason })
    rm(dir, { recursive: true, force: true }).catch(() => undefined)
  }

  private async reply (itemId: string, key: string, dir: string, job: EditionJob | null, durationSec: number | null): Promise<EditionReply> {
    const playlistUrl = editionFilePath(itemId, key, 'index.m3u8')
    if (job === null) return { itemId, key, state: 'ready', playlistUrl, preparedSec: durationSec ?? 0, durationSec }
    const ready = await job.waitForFirstSegment(FIRST_SEGMENT_WAIT_MS)
    if (job.state.kind === 'failed') throw new ApiError('HEARTH_E_EDITION_FAILED', `the file could not be converted, it may be damaged or incomplete (ffmpeg: ${job.state.reason})`)
    if (!ready) throw new ApiError('HEARTH_E_BUSY', 'the home server is slow to prepare this film; try again in a moment')
    const progress = await job.progress()
    return { itemId, key, state: job.state.kind === 'complete' ? 'ready' : 'preparing', playlistUrl, preparedSec: progress.preparedSec, durationSec }
  }

  /** Fits the folder to `--editions-max-gb`; evicted editions stop being seeded. */
  private evict (): void {
    const busy = new Set([...this.jobs.keys(), ...this.seeding.busy()])
    evictEditions(this.root, this.options.maxGb * BYTES_PER_GB, busy).then(
      async removed => {
        if (removed.length === 0) return
        this.options.log.info('editions.evicted', { count: removed.length })
        await this.seeding.forget(removed)
      },
      (err: unknown) => this.options.log.warn('editions.evict_failed', { error: String(err) })
    )
  }

  /** Background runs (`--editions ahead`) hold still while a device waits for another edition, and go on after. */
  private yieldToDevices (): void {
    const devicesWaiting = [...this.jobs.values()].some(job => !job.background)
    for (const job of this.jobs.values()) if (job.background) job.setPaused(devicesWaiting)
  }

  /** Marks the run making this edition as a background one (`--editions ahead`); returns it, or null when none runs. */
  runInBackground (itemId: string, key: string): EditionJob | null {
    const job = this.jobs.get(path.join(this.root, itemId, key)) ?? null
    if (job !== null && job.state.kind === 'running') {
      job.runInBackground()
      this.yieldToDevices()
    }
    return job
  }

  /** Whether the edition is complete in the cache. */
  async isComplete (itemId: string, key: string): Promise<boolean> {
    return await isCompleteEdition(path.join(this.root, itemId, key))
  }

  /** ffmpeg runs now, and the bytes the editions folder holds. */
  async usage (): Promise<{ running: number, cachedBytes: number, maxBytes: number }> {
    const cachedBytes = (await listEditions(this.root)).reduce((sum, edition) => sum + edition.sizeBytes, 0)
    return { running: this.jobs.size, cachedBytes, maxBytes: this.options.maxGb * BYTES_PER_GB }
  }

  /** The torrent of a finished edition, once it is seeded (the app then prefers it to HLS). */
  torrentFor (itemId: string, key: string): EditionTorrent | undefined {
    return this.seeding.torrentOf(path.join(this.root, itemId, key))
  }

  /** Stops the least recently used running job when all slots are taken. */
  private makeRoom (): void {
    if (this.jobs.size < MAX_RUNNING_JOBS) return
    // A run made ahead of time goes first: nobody waits for it.
    const oldest = [...this.jobs.values()].sort((a, b) => Number(b.background) - Number(a.background) || a.lastUsedMs - b.lastUsedMs)[0]
    oldest?.stop()
    if (oldest !== undefined) this.options.log.info('editions.stopped_for_room', { dir: path.relative(this.root, oldest.dir) })
  }

  private stopIdle (): void {
    for (const job of this.jobs.values()) {
      if (!job.background && Date.now() - job.lastUsedMs > IDLE_STOP_MS) {
        this.options.log.info('editions.stopped_idle', { dir: path.relative(this.root, job.dir) })
        job.stop()
      }
    }
  }
}
