/**
 * One live channel: a supervised ffmpeg child writing the channel's ring.
 *
 *   probe the source ──unreadable──▶ offline ──back-off──┐
 *        │ readable                                      │
 *        ▼                                               │
 *   reset ring, spawn ffmpeg ─▶ starting ─fresh segment─▶ online
 *        │ exit, or no fresh segment for STALE_KILL_MS   │
 *        └──────────────▶ offline ──back-off (restart-backoff.ts)──▶ probe again
 *
 * A channel OBS pushes to (`rtmp-push`) waits for a publisher instead of probing: it is
 * offline, "waiting for OBS", until the RTMP listener hands one over (push/push-inlet.ts);
 * what the publisher sends is fed to ffmpeg's stdin; when the publisher leaves, ffmpeg ends
 * and the channel waits again at once (no back-off: nothing failed). A publisher refused (not
 * H.264) or a run that failed leaves its reason shown, not "waiting for OBS", until the next
 * publisher arrives: that reason is what the user must act on.
 *
 * The state follows the process and the ring's freshness: `online` only while ffmpeg runs
 * and has rewritten the playlist within STALE_MS. A source that fails (unplugged camera,
 * unreachable IP camera, a file that ended) makes the channel offline, never the seed node
 * fail; it comes back by itself. ffmpeg's stderr reaches the log rate-limited.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import type { LiveChannel as LiveChannelView, LiveChannelState } from '../../protocol/api/live.ts'
import type { LiveChannelStatus } from '../../protocol/api/status.ts'
import { FFMPEG_COMMAND } from '../editions/ffmpeg-tools.ts'
import type { Logger } from '../lib/log.ts'
import { liveFfmpegArgs, listSizeFor, type SourceFacts } from './live-args.ts'
import { LiveCounters } from './live-counters.ts'
import { offlineReason, withoutUrlCredentials } from './offline-reason.ts'
import { probeLiveSource } from './live-probe.ts'
import type { PushFeed } from './push/push-feed.ts'
import type { PushInlet } from './push/push-inlet.ts'
import type { LiveRing } from './live-ring.ts'
import { describeSource, type LiveChannelSpec } from './live-source.ts'
import { takeStill } from './live-still.ts'
import { RESTART_BACKOFF, restartDelayMs } from './restart-backoff.ts'
import { rateLimitLines } from './stderr-rate-limit.ts'

const FRESHNESS_CHECK_MS = 1000
/** Without a new segment for this long, a running channel counts as offline... */
const MIN_STALE_MS = 10 * 1000
/** ...and after this long its ffmpeg is killed and started again (a hung RTSP read). */
const MIN_STALE_KILL_MS = 20 * 1000
/** A run that makes no first segment in this time is killed (a source that opens but sends nothing). */
const FIRST_SEGMENT_TIMEOUT_MS = 30 * 1000
const STOP_GRACE_MS = 5 * 1000
const STDERR_LINES_PER_WINDOW = 10
const STDERR_WINDOW_MS = 60 * 1000
/** A still is taken again at most this often, however many devices show the Live row. */
const STILL_MAX_AGE_MS = 10 * 1000
/** No picture yet (the first segment is still coming): asked again after this long. */
const STILL_RETRY_MS = 1000

export interface LiveChannelOptions {
  spec: LiveChannelSpec
  ring: LiveRing
  windowSec: number
  segmentSec: number
  /** Viewers share segments peer to peer. */
  p2p: boolean
  /** Where the publisher of an `rtmp-push` channel arrives; null for other sources. */
  inlet: PushInlet | null
  log: Logger
}

/** What the app shows while a push channel has no publisher. */
export const WAITING_FOR_OBS = 'waiting for OBS to start streaming'

interface RunOutcome {
  onlineMs: number
  /** False when nothing failed (a publisher left, or one was refused): the next run starts at once. */
  backOff: boolean
}

export class LiveChannel {
  private state: LiveChannelState = 'starting'
  private reason: string | null = null
  private lastError: string | null = null
  /** A push channel's last refusal or failure, shown instead of WAITING_FOR_OBS until a publisher arrives. */
  private keepPushReason = false
  private sinceMs = Date.now()
  private restarts = 0
  private child: ChildProcess | null = null
  private closed = false
  private readonly closing = new AbortController()
  private wake: (() => void) | null = null
  private running: Promise<void> | null = null
  private still: { atMs: number, failed: boolean, jpeg: Promise<Buffer | null> } | null = null
  /** Segments made, bytes served, viewers: for `/api/status`. */
  readonly counters = new LiveCounters()

  constructor (private readonly options: LiveChannelOptions) {}

  get id (): string { return this.options.spec.id }
  get ring (): LiveRing { return this.options.ring }

  start (): void {
    this.running ??= this.supervise().catch(err => {
      this.options.log.error('live.supervisor_failed', { channel: this.options.spec.name, error: err instanceof Error ? err.message : String(err) })
    })
  }

  view (): LiveChannelView {
    const { spec, windowSec, segmentSec, p2p } = this.options
    return { id: spec.id, name: spec.name, state: this.state, reason: this.reason, since: new Date(this.sinceMs).toISOString(), windowSec, segmentSec, p2p, restarts: this.restarts }
  }

  /** The channel's state and counters for `/api/status`. */
  status (nowMs = Date.now()): LiveChannelStatus {
    const { id, name, state, since, restarts } = this.view()
    return { id, name, state, since, restarts, lastError: this.lastError, ...this.counters.values(nowMs) }
  }

  /** The channel's newest still (JPEG), taken again when older than STILL_MAX_AGE_MS; null before the first segment. */
  async stillJpeg (): Promise<Buffer | null> {
    const still = this.still
    if (still === null || Date.now() - still.atMs > (still.failed ? STILL_RETRY_MS : STILL_MAX_AGE_MS)) {
      const taking = { atMs: Date.now(), failed: false, jpeg: takeStill(this.ring.dir, file => this.ring.filePath(file) !== null) }
      void taking.jpeg.then(jpeg => { taking.failed = jpeg === null })
      this.still = taking
      return await taking.jpeg
    }
    return await still.jpeg
  }

  async close (): Promise<void> {
    this.closed = true
    this.closing.abort()
    this.wake?.()
    const child = this.child
    if (child !== null && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise(resolve => child.once('close', resolve))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS)
      await exited
      clearTimeout(timer)
    }
    await this.running
    await this.ring.remove()
  }

  private setState (state: LiveChannelState, reason: string | null): void {
    if (state === this.state && reason === this.reason) return
    const { spec, log } = this.options
    if (state !== this.state) {
      this.sinceMs = Date.now()
      const fields = { channel: spec.name, state, reason: reason ?? undefined }
      if (state === 'offline') log.warn('live.offline', fields)
      else log.info(`live.${state}`, fields)
    }
    this.state = state
    this.reason = reason
    // Waiting for a publisher is a push channel's resting state, not a failure (LiveChannelStatus.lastError).
    if (state === 'offline' && reason !== null && reason !== WAITING_FOR_OBS) this.lastError = reason
  }

  private async supervise (): Promise<void> {
    let failures = 0
    while (!this.closed) {
      const { onlineMs, backOff } = await this.runOnce()
      if (this.closed) return
      if (!backOff) { failures = 0; continue }
      failures = onlineMs >= RESTART_BACKOFF.healthyMs ? 1 : failures + 1
      const delay = restartDelayMs(failures, Math.random())
      this.options.log.info('live.restart_scheduled', { channel: this.options.spec.name, inSec: Math.round(delay / 1000), failures })
      await this.sleep(delay)
      if (!this.closed) this.restarts++
    }
  }

  private async sleep (ms: number): Promise<void> {
    await new Promise<void>(resolve => {
      const timer = setTimeout(resolve, ms)
      this.wake = () => { clearTimeout(timer); resolve() }
    })
    this.wake = null
  }

  /** The source's facts from a probe, or from a publisher's first messages (a push channel); `skip` when there is nothing to run, with the outcome to report. */
  private async openSource (): Promise<{ facts: SourceFacts, feed: PushFeed | null } | { skip: RunOutcome }> {
    const { spec, inlet, log } = this.options
    if (inlet === null) {
      const probe = await probeLiveSource(spec.source, this.closing.signal)
      if (this.closed) return { skip: { onlineMs: 0, backOff: true } }
      if (probe.ok) return { facts: probe.facts, feed: null }
      this.setState('offline', offlineReason('source cannot be read', probe.reason))
      return { skip: { onlineMs: 0, backOff: true } }
    }
    if (!this.keepPushReason) this.setState('offline', WAITING_FOR_OBS)
    const feed = await inlet.next(this.closing.signal)
    if (feed === null) return { skip: { onlineMs: 0, backOff: false } }
    this.keepPushReason = false
    this.setState('starting', null)
    const facts = await feed.facts
    // close() came while the publisher's first video was awaited: nothing may start after it.
    if (this.closed) return stopFeed(feed)
    if ('left' in facts) {
      log.info('live.push_ended', { channel: spec.name, reason: facts.left })
      return { skip: { onlineMs: 0, backOff: false } }
    }
    if ('refused' in facts) {
      log.warn('live.push_unusable', { channel: spec.name, address: feed.address, reason: facts.refused })
      feed.close(facts.refused)
      this.setState('offline', offlineReason('the stream from OBS was not usable', facts.refused))
      this.keepPushReason = true
      return { skip: { onlineMs: 0, backOff: false } }
    }
    return { facts, feed }
  }

  /** The source opened and the ring emptied, unless close() came meanwhile: then nothing may start. */
  private async readyRun (): Promise<{ facts: SourceFacts, feed: PushFeed | null } | { skip: RunOutcome }> {
    const source = await this.openSource()
    if ('skip' in source) return source
    await this.options.ring.reset()
    return this.closed ? stopFeed(source.feed) : source
  }

  /** One probe (or publisher) and one ffmpeg run; resolves when it is over. */
  private async runOnce (): Promise<RunOutcome> {
    const { spec, ring, log } = this.options
    const source = await this.readyRun()
    if ('skip' in source) return source.skip
    const { facts, feed } = source
    this.counters.ringEmptied()
    this.counters.startRun()
    const segmentSec = this.options.segmentSec
    const args = liveFfmpegArgs(spec.source, facts, { dir: ring.dir, runId: Date.now().toString(36), segmentSec, listSize: listSizeFor(this.options.windowSec, segmentSec) })
    const child = spawn(FFMPEG_COMMAND, args, { stdio: [feed === null ? 'ignore' : 'pipe', 'ignore', 'pipe'], windowsHide: true })
    this.child = child
    if (feed !== null && child.stdin !== null) feed.attach(child.stdin, facts.audioCodec !== null)
    let publisherLeft = false
    void feed?.ended.then(reason => { publisherLeft = true; log.info('live.push_ended', { channel: spec.name, reason }) })
    const startedMs = Date.now()
    log.info('live.ffmpeg_started', { channel: spec.name, pid: child.pid, source: describeSource(spec.source), video: facts.videoCodec === 'h264' ? 'copy' : `encode ${facts.videoCodec ?? ''}`, audio: facts.audioCodec ?? 'none' })
    const stderrTail = this.logStderr(child)
    let onlineSinceMs: number | null = null
    let countedWriteMs: number | null = null
    const staleMs = Math.max(MIN_STALE_MS, 4 * segmentSec * 1000)
    const staleKillMs = Math.max(MIN_STALE_KILL_MS, 8 * segmentSec * 1000)
    const watchdog = setInterval(() => {
      void this.options.ring.playlistWrittenMs().then(writtenMs => {
        if (this.child !== child || child.exitCode !== null || child.signalCode !== null) return
        const now = Date.now()
        const fresh = writtenMs !== null && writtenMs >= startedMs && now - writtenMs < staleMs
        if (fresh) {
          onlineSinceMs ??= now
          if (writtenMs !== countedWriteMs) {
            countedWriteMs = writtenMs
            void this.counters.playlistWritten(ring.dir, now)
          }
          return this.setState('online', null)
        }
        const silentMs = now - Math.max(startedMs, writtenMs ?? 0)
        if (writtenMs !== null && writtenMs >= startedMs) this.setState('offline', `no new video for ${Math.round(silentMs / 1000)} s`)
        if ((onlineSinceMs !== null && silentMs > staleKillMs) || (onlineSinceMs === null && silentMs > FIRST_SEGMENT_TIMEOUT_MS)) {
          log.warn('live.ffmpeg_stalled', { channel: spec.name, silentSec: Math.round(silentMs / 1000) })
          child.kill('SIGKILL')
        }
      })
    }, FRESHNESS_CHECK_MS)
    const exit = await new Promise<string>(resolve => {
      child.once('error', err => resolve(`ffmpeg could not start: ${err.message}`))
      child.once('close', (code, signal) => resolve(signal !== null ? `ffmpeg was stopped (${signal})` : `ffmpeg exited with code ${code ?? '?'}`))
    })
    clearInterval(watchdog)
    this.child = null
    feed?.close(exit)
    const onlineMs = onlineSinceMs === null ? 0 : Date.now() - onlineSinceMs
    if (publisherLeft) return { onlineMs, backOff: false }
    const said = stderrTail.at(-1)
    if (!this.closed) {
      log.warn('live.ffmpeg_exited', { channel: spec.name, exit, stderr: said })
      this.setState('offline', offlineReason(exit, said))
      if (feed !== null) this.keepPushReason = true
    }
    return { onlineMs, backOff: true }
  }

  /** Logs ffmpeg's stderr, at most STDERR_LINES_PER_WINDOW lines a minute; returns the last lines, to explain an exit. */
  private logStderr (child: ChildProcess): string[] {
    const tail: string[] = []
    if (child.stderr === null) return tail
    const limit = rateLimitLines(STDERR_LINES_PER_WINDOW, STDERR_WINDOW_MS)
    const name = this.options.spec.name
    createInterface({ input: child.stderr }).on('line', line => {
      // ffmpeg names its input when it cannot open it: a camera's URL with its password.
      const text = withoutUrlCredentials(line.trim()).slice(0, 300)
      if (text === '') return
      tail.push(text)
      if (tail.length > 4) tail.shift()
      for (const out of limit.take(text, Date.now())) {
        if (out.kind === 'line') this.options.log.warn('live.ffmpeg_stderr', { channel: name, line: out.text })
        else this.options.log.warn('live.ffmpeg_stderr_suppressed', { channel: name, lines: out.count })
      }
    })
    return tail
  }
}

/** The run that close() overtook: the publisher (if any) is let go, and nothing starts. */
function stopFeed (feed: PushFeed | null): { skip: RunOutcome } {
  feed?.close('the seed node is stopping')
  return { skip: { onlineMs: 0, backOff: false } }
}
