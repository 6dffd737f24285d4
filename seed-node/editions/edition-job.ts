/**
 * One ffmpeg run making one edition from one segment to the end of the film
 * (edition-layout.ts). Segments appear one by one in the edition's folder; when ffmpeg exits
 * 0 the run reached the end (`finished`), on any other exit it failed with ffmpeg's last error
 * line. `stop()` kills ffmpeg (the viewer seeked elsewhere, nobody watches, or shutdown); the
 * segments it wrote stay, since each was written whole.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { access } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { progressOutSec } from './edition-args.ts'
import { segmentFile } from './edition-layout.ts'
import { FFMPEG_COMMAND } from './ffmpeg-tools.ts'

/** Written into an edition's folder once every segment of the film is there. */
export const COMPLETE_MARKER = 'complete'
/** Lines of ffmpeg's stderr kept to explain a failure. */
const STDERR_TAIL_LINES = 8
/** Film seconds written before the speed is trusted (the first second includes start-up). */
const SPEED_SETTLE_SEC = 2
/** `--editions ahead` runs below everything else on the machine. */
const BACKGROUND_NICENESS = 19

export type JobState =
  | { readonly kind: 'running' }
  | { readonly kind: 'finished' }
  | { readonly kind: 'stopped' }
  | { readonly kind: 'failed', readonly reason: string }

async function exists (file: string): Promise<boolean> {
  return await access(file).then(() => true, () => false)
}

export class EditionJob {
  state: JobState = { kind: 'running' }
  /** Wall time a viewer last fetched, or waited for, a segment of this run (for the idle stops). */
  lastUsedMs = Date.now()
  readonly startedAtMs = Date.now()
  /** Made ahead of time (`--editions ahead`): never stopped as idle, paused while a device waits for another edition. */
  background = false
  paused = false
  /** The first segment this run has not written yet, as far as it was last looked at. */
  private nextSegment: number
  private readonly child: ChildProcess
  private stderrTail: string[] = []
  private firstProgress: { outSec: number, atMs: number } | null = null
  /** Film seconds converted per wall second, once measured. */
  speed: number | null = null
  readonly done: Promise<JobState>

  constructor (readonly dir: string, args: readonly string[], readonly startSegment: number) {
    this.nextSegment = startSegment
    this.child = spawn(FFMPEG_COMMAND, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true })
    this.child.stdout?.setEncoding('utf8')
    this.child.stdout?.on('data', (chunk: string) => this.onProgress(chunk))
    this.child.stderr?.setEncoding('utf8')
    this.child.stderr?.on('data', (chunk: string) => {
      this.stderrTail = [...this.stderrTail, ...chunk.split('\n').map(line => line.trim()).filter(Boolean)].slice(-STDERR_TAIL_LINES)
    })
    this.done = new Promise(resolve => {
      this.child.on('error', err => {
        this.state = { kind: 'failed', reason: `ffmpeg could not start: ${err.message}` }
        resolve(this.state)
      })
      this.child.on('close', (code, signal) => {
        if (this.state.kind === 'running') {
          if (code === 0) this.state = { kind: 'finished' }
          else {
            const reason = signal !== null ? `ffmpeg was stopped (${signal})` : (this.stderrTail.at(-1) ?? `ffmpeg exited with code ${code ?? '?'}`)
            this.state = { kind: 'failed', reason: reason.slice(0, 300) }
          }
        }
        resolve(this.state)
      })
    })
  }

  stop (): void {
    if (this.state.kind !== 'running') return
    this.state = { kind: 'stopped' }
    this.child.kill('SIGKILL')
  }

  /** ffmpeg's process id while it runs (for tests and diagnostics). */
  get pid (): number | undefined {
    return this.child.pid
  }

  /** Makes this a background run: lowest CPU priority from now on. */
  runInBackground (): void {
    this.background = true
    if (this.child.pid === undefined) return
    try { os.setPriority(this.child.pid, BACKGROUND_NICENESS) } catch { /* not permitted: it keeps its priority */ }
  }

  /** Holds ffmpeg still (SIGSTOP) or lets it go on (SIGCONT); a stopped run keeps its place in the file. */
  setPaused (paused: boolean): void {
    if (this.state.kind !== 'running' || this.paused === paused) return
    this.paused = paused
    this.child.kill(paused ? 'SIGSTOP' : 'SIGCONT')
  }

  /** The first segment of this run not written yet (segments appear in order). */
  async next (): Promise<number> {
    while (await exists(path.join(this.dir, segmentFile(this.nextSegment)))) this.nextSegment++
    return this.nextSegment
  }

  private onProgress (chunk: string): void {
    const outSec = progressOutSec(chunk)
    if (outSec === null) return
    const now = Date.now()
    if (this.firstProgress === null) {
      this.firstProgress = { outSec, atMs: now }
      return
    }
    const filmSec = outSec - this.firstProgress.outSec
    const wallSec = (now - this.firstProgress.atMs) / 1000
    if (filmSec >= SPEED_SETTLE_SEC && wallSec > 0) this.speed = filmSec / wallSec
  }
}
