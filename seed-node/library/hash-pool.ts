/**
 * Hashing threads (hash-worker.ts), one per core, that exist only while there is something
 * to hash: a thread starts when a job waits and none is free, and ends after
 * `IDLE_EXIT_MS` without work, so an idle seed node holds no thread (each costs a V8 heap).
 * If threads cannot start here, jobs run on the main thread instead (a warning is logged),
 * so ingest always works.
 */
import os from 'node:os'
import { Worker } from 'node:worker_threads'
import type { ScannedFile } from './library-scanner.ts'
import { makeTorrent, type MadeTorrent } from './torrent-maker.ts'
import type { Logger } from '../lib/log.ts'
import { hashWorkerUrl } from './hash-worker-url.ts'

type Reply = { id: number, ok: true, made: MadeTorrent } | { id: number, ok: false, error: string }

interface Job { id: number, media: ScannedFile, resolve: (made: MadeTorrent) => void, reject: (err: Error) => void, retried?: boolean }

/** A thread this long without a job ends (a scan hands out the next job well within it). */
const IDLE_EXIT_MS = 2 * 1000
/** Bound on threads whatever the machine says (each reads ahead 16 MiB: piece-hasher.ts). */
const MAX_HASH_THREADS = 8

/** Threads to hash with: one per core. Hashing reads the disk as much as it computes, and the main thread mostly waits meanwhile. */
export function defaultHashThreads (): number {
  return Math.min(MAX_HASH_THREADS, Math.max(1, os.availableParallelism()))
}

export interface HashPoolStats {
  /** Threads alive now (0 when idle). */
  threads: number
  /** Threads started since start. */
  threadsStarted: number
}

export class HashPool {
  private readonly idle = new Map<Worker, NodeJS.Timeout>()
  private readonly busy = new Map<Worker, Job>()
  private readonly queue: Job[] = []
  private nextId = 0
  private inProcess = false
  private closed = false
  private started = 0
  /** Replies received from threads: once one has answered, threads work here. */
  private answered = 0

  constructor (readonly threads: number, private readonly log: Logger) {}

  stats (): HashPoolStats {
    return { threads: this.idle.size + this.busy.size, threadsStarted: this.started }
  }

  /** Hashes one file into its torrent. */
  hash (media: ScannedFile): Promise<MadeTorrent> {
    if (this.inProcess || this.closed) return makeTorrent(media)
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, media, resolve, reject })
      this.pump()
    })
  }

  async close (): Promise<void> {
    this.closed = true
    const workers = [...this.idle.keys(), ...this.busy.keys()]
    for (const timer of this.idle.values()) clearTimeout(timer)
    this.idle.clear()
    await Promise.all(workers.map(async worker => await worker.terminate()))
  }

  private spawn (): Worker {
    this.started++
    const worker = new Worker(hashWorkerUrl())
    worker.unref()
    worker.on('message', (reply: Reply) => {
      const job = this.busy.get(worker)
      this.busy.delete(worker)
      this.answered++
      this.rest(worker)
      if (job && job.id === reply.id) {
        if (reply.ok) job.resolve({ ...reply.made, torrent: new Uint8Array(reply.made.torrent) })
        else job.reject(new Error(reply.error))
      }
      this.pump()
    })
    worker.on('error', err => this.lost(worker, err))
    return worker
  }

  /**
   * A thread died (or could not start). If no thread has ever answered here, threads do not
   * work on this machine: every job runs on the main thread from now on. Otherwise its job
   * is tried once more on a new thread, and fails if that thread dies too.
   */
  private lost (worker: Worker, err: Error): void {
    const job = this.busy.get(worker)
    this.busy.delete(worker)
    const timer = this.idle.get(worker)
    if (timer) clearTimeout(timer)
    this.idle.delete(worker)
    if (this.answered === 0 && this.busy.size === 0) {
      this.inProcess = true
      this.log.warn('ingest.hash_threads_unavailable', { error: err.message, fallback: 'hashing on the main thread' })
      for (const queued of [...(job ? [job] : []), ...this.queue.splice(0)]) makeTorrent(queued.media).then(queued.resolve, queued.reject)
      return
    }
    if (job && !job.retried) this.queue.unshift({ ...job, retried: true })
    else if (job) job.reject(new Error(`the hashing thread stopped: ${err.message}`))
    this.pump()
  }

  /** An idle thread ends unless a job comes within IDLE_EXIT_MS. */
  private rest (worker: Worker): void {
    const timer = setTimeout(() => {
      this.idle.delete(worker)
      worker.terminate().catch(() => {})
    }, IDLE_EXIT_MS)
    timer.unref()
    this.idle.set(worker, timer)
  }

  private pump (): void {
    while (this.queue.length > 0 && !this.inProcess && !this.closed) {
      let worker: Worker | undefined = this.idle.keys().next().value
      if (worker) {
        clearTimeout(this.idle.get(worker))
        this.idle.delete(worker)
      } else if (this.busy.size < this.threads) {
        worker = this.spawn()
      } else {
        return
      }
      const job = this.queue.shift()
      if (!job) return
      this.busy.set(worker, job)
      worker.postMessage({ id: job.id, media: job.media })
    }
  }
}
