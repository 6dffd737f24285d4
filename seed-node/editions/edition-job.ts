/**
 * One ffmpeg run making one edition into its folder. The playlist grows while it runs; when
 * ffmpeg exits 0 the folder is a complete edition (a `complete` marker is written), on any
 * other exit the job failed with ffmpeg's last error line. `stop()` kills ffmpeg (idle or
 * shutting down) and the caller removes the unfinished folder.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { playlistProgress } from './edition-args.ts'
import { FFMPEG_COMMAND } from './ffmpeg-tools.ts'

/** Lines of ffmpeg's stderr kept to explain a failure. */
const STDERR_TAIL_LINES = 8
/** How often a waiting caller looks for the first segment. */
const POLL_MS = 200
/** `--editions ahead` runs below everything else on the machine. */
const BACKGROUND_NICENESS = 19

export const COMPLETE_MARKER = 'complete'

export type JobState =
  | { readonly kind: 'running' }
  | { readonly kind: 'complete' }
  | { readonly kind: 'failed', readonly reason: string }

export class EditionJob {
  state: JobState = { kind: 'running' }
  /** Wall time of the last request for this edition (for the idle stop). */
  lastUsedMs = Date.now()
  readonly startedAtMs = Date.now()
  /** Made ahead of time (`--editions ahead`): never stopped as idle, paused while a device waits for another edition. */
  background = false
  paused = false
  private readonly child: ChildProcess
  private stderrTail: string[] = []
  readonly done: Promise<JobState>

  constructor (readonly dir: string, args: readonly string[]) {
    this.child = spawn(FFMPEG_COMMAND, args, { stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true })
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
        if (this.state.kind !== 'running') return resolve(this.state)
        if (code === 0) {
          writeFile(path.join(dir, COMPLETE_MARKER), new Date().toISOString()).then(
            () => { this.state = { kind: 'complete' }; resolve(this.state) },
            (err: unknown) => { this.state = { kind: 'failed', reason: `could not finish the edition: ${String(err)}` }; resolve(this.state) }
          )
          return
        }
        const reason = signal !== null ? `ffmpeg was stopped (${signal})` : (this.stderrTail.at(-1) ?? `ffmpeg exited with code ${code ?? '?'}`)
        this.state = { kind: 'failed', reason: reason.slice(0, 300) }
        resolve(this.state)
      })
    })
  }

  stop (): void {
    if (this.state.kind === 'running') this.child.kill('SIGKILL')
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

  /** Resolves once the playlist lists a first segment (or the job ended); false if `timeoutMs` passed first. */
  async waitForFirstSegment (timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (this.state.kind !== 'running') return this.state.kind === 'complete'
      if ((await this.progress()).preparedSec > 0) return true
      await new Promise(resolve => setTimeout(resolve, POLL_MS))
    }
    return false
  }

  async progress (): Promise<{ preparedSec: number, complete: boolean }> {
    try {
      return playlistProgress(await readFile(path.join(this.dir, 'index.m3u8'), 'utf8'))
    } catch {
      return { preparedSec: 0, complete: false }
    }
  }
}
