/**
 * The ffmpeg runs behind the editions being watched (edition-service.ts keeps the editions):
 * which run will bring a segment, when a new run starts there instead, which run gives way
 * when all MAX_RUNNING_JOBS slots are taken, and when a run that reached the end completes
 * its edition. Devices go before `--editions ahead` (background-runs.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { ApiError } from '../../protocol/api/api-error.ts'
import type { Logger } from '../lib/log.ts'
import { editionArgs } from './edition-args.ts'
import { exists, sleep, type EditionEntry } from './edition-entry.ts'
import { COMPLETE_MARKER, EditionJob, type JobState } from './edition-job.ts'
import { layoutPlaylist, segmentCount, segmentFile, segmentStartSec, waitForRunningJob } from './edition-layout.ts'
import { followedByDevice, moveToBackground, stopForRoomFirst, yieldToDevices } from './background-runs.ts'

/** ffmpeg runs at once: a router has few cores, and each run is one viewer's film. */
const MAX_RUNNING_JOBS = 2
/** A fetched segment up to this many segments past where a run has got counts as that run's (hls.js buffers ahead). */
const RUN_LOOKAHEAD_SEGMENTS = 3
/** A run that will reach a wanted segment within this many seconds is waited for rather than replaced. */
const RUN_REACH_SEC = 6
const POLL_MS = 100

export class EditionRuns {
  /**
   * @param entries the editions known to the service (read only here)
   * @param completed called once an edition has every segment on disk and its marker written
   */
  constructor (
    private readonly entries: ReadonlyMap<string, EditionEntry>,
    private readonly root: string,
    private readonly log: Logger,
    private readonly completed: (entry: EditionEntry) => void
  ) {}

  running (): Array<{ entry: EditionEntry, job: EditionJob }> {
    return [...this.entries.values()].flatMap(entry => entry.jobs.filter(job => job.state.kind === 'running').map(job => ({ entry, job })))
  }

  /**
   * The running run that has written, or will soon write, segment `index`, marked as used
   * (its viewer still follows it); undefined when none.
   */
  async covering (entry: EditionEntry, index: number): Promise<EditionJob | undefined> {
    for (const job of [...entry.jobs].reverse()) {
      if (job.state.kind !== 'running' || job.startSegment > index) continue
      if (index < await job.next() + RUN_LOOKAHEAD_SEGMENTS) {
        job.lastUsedMs = Date.now()
        followedByDevice(job, this.running().map(({ job: other }) => other))
        return job
      }
    }
    return undefined
  }

  /** Waits until segment `index` is on disk, starting a run there when no run will bring it soon; false when time ran out. */
  async ensureSegment (entry: EditionEntry, index: number, waitMs: number): Promise<boolean> {
    const file = path.join(entry.dir, segmentFile(index))
    const deadline = Date.now() + waitMs
    while (Date.now() < deadline) {
      if (await exists(file)) return true
      if (entry.switching !== null) {
        await entry.switching
        continue
      }
      const covering = entry.jobs.filter(job => job.startSegment <= index)
      const running = covering.filter(job => job.state.kind === 'running')
      const failed = covering.find(job => job.state.kind === 'failed')
      if (failed !== undefined && failed.state.kind === 'failed' && running.length === 0) {
        throw new ApiError('HEARTH_E_EDITION_FAILED', `the file could not be converted, it may be damaged or incomplete (ffmpeg: ${failed.state.reason})`)
      }
      // A run that got to the end without this segment will not bring it (the film ends before it).
      if (covering.some(job => job.state.kind === 'finished')) return false
      if (!await this.waitsForRunning(entry, running, index)) {
        entry.switching = this.start(entry, index).finally(() => { entry.switching = null })
        await entry.switching
        continue
      }
      await sleep(POLL_MS)
    }
    return await exists(file)
  }

  /** Marks the newest running run of this edition as a background one (`--editions ahead`); returns it, or null when none runs. */
  moveToBackground (entry: EditionEntry | undefined): EditionJob | null {
    const job = entry?.jobs.filter(candidate => candidate.state.kind === 'running').at(-1) ?? null
    if (job !== null) moveToBackground(job, this.running().map(({ job: other }) => other))
    return job
  }

  /** Whether one of the running runs will reach segment `index` soon (those are marked as used). */
  private async waitsForRunning (entry: EditionEntry, running: EditionJob[], index: number): Promise<boolean> {
    let waiting = false
    for (const job of running) {
      if (waitForRunningJob({ wanted: index, runStart: job.startSegment, runNext: await job.next(), segmentSec: entry.layout.segmentSec, speed: job.speed, maxWaitSec: RUN_REACH_SEC })) {
        job.lastUsedMs = Date.now()
        waiting = true
      }
    }
    return waiting
  }

  private async start (entry: EditionEntry, startSegment: number): Promise<void> {
    const first = entry.jobs.length === 0
    this.makeRoom()
    await mkdir(entry.dir, { recursive: true, mode: 0o700 })
    const run = { startSegment, segmentSec: entry.layout.segmentSec }
    const job = new EditionJob(entry.dir, editionArgs(entry.input, entry.request, entry.dir, run), startSegment)
    // Ended runs are forgotten once a run starts at or before them (what they said is no longer the latest word).
    entry.jobs = [...entry.jobs.filter(other => other.state.kind === 'running' || other.startSegment < startSegment), job]
    const fromSec = segmentStartSec(entry.layout, startSegment)
    if (first) {
      this.log.info('editions.started', { item: entry.itemId, key: path.basename(entry.dir), video: entry.request.video, audioFrom: entry.input.audioCodec ?? 'none', segmentSec: entry.layout.segmentSec, fromSec })
    } else {
      this.log.info('editions.restarted', { dir: path.relative(this.root, entry.dir), at: fromSec })
    }
    yieldToDevices(this.running().map(({ job: other }) => other))
    job.done.then(state => { this.ended(entry, job, state) }, () => undefined)
  }

  private ended (entry: EditionEntry, job: EditionJob, state: JobState): void {
    yieldToDevices(this.running().map(({ job: other }) => other))
    if (state.kind === 'failed') this.log.warn('editions.failed', { dir: path.relative(this.root, entry.dir), reason: state.reason })
    if (state.kind !== 'finished') return
    entry.completing = this.markIfComplete(entry, job).catch((err: unknown) => this.log.warn('editions.finish_failed', { error: String(err) }))
  }

  /** A run reached the end: the edition is complete when every segment of the film is there. */
  private async markIfComplete (entry: EditionEntry, job: EditionJob): Promise<void> {
    const count = segmentCount(entry.layout)
    for (let index = 0; index < count; index++) {
      if (!await exists(path.join(entry.dir, segmentFile(index)))) return
    }
    // The whole-film playlist on disk too: the MP4 seeded as a torrent is remuxed from it.
    await writeFile(path.join(entry.dir, 'index.m3u8'), layoutPlaylist(entry.layout))
    await writeFile(path.join(entry.dir, COMPLETE_MARKER), new Date().toISOString())
    entry.complete = true
    const tookSec = Math.round((Date.now() - job.startedAtMs) / 100) / 10
    this.log.info('editions.complete', { dir: path.relative(this.root, entry.dir), tookSec })
    this.completed(entry)
  }

  /** Stops the least recently used run when all slots are taken. */
  private makeRoom (): void {
    const running = this.running()
    if (running.length < MAX_RUNNING_JOBS) return
    const oldest = running.sort((a, b) => stopForRoomFirst(a.job, b.job))[0]
    if (oldest === undefined) return
    oldest.job.stop()
    this.log.info('editions.stopped_for_room', { dir: path.relative(this.root, oldest.entry.dir), fromSec: segmentStartSec(oldest.entry.layout, oldest.job.startSegment) })
  }
}
