/**
 * A small pool of hashing threads (hash-worker.ts). Each job makes one item's torrent and
 * probes its media. If threads cannot start here, jobs run on the main thread instead (a
 * warning is logged), so ingest always works.
 */
import os from 'node:os'
import { Worker } from 'node:worker_threads'
import type { ScannedMedia } from './library-scanner.ts'
import { makeTorrent, type MadeTorrent } from './torrent-maker.ts'
import { probeMedia } from './media-probe.ts'
import type { MediaProbe } from './stored-item.ts'
import type { Logger } from '../lib/log.ts'
import { hashWorkerUrl } from './hash-worker-url.ts'

export interface HashResult { made: MadeTorrent, probe: MediaProbe & { error?: string } }

type Reply = { id: number, ok: true, made: MadeTorrent, probe: MediaProbe & { error?: string } } | { id: number, ok: false, error: string }

interface Job { id: number, media: ScannedMedia, resolve: (result: HashResult) => void, reject: (err: Error) => void }

/** Threads to hash with: one core stays free for serving (at least one, at most 4). */
export function defaultHashThreads (): number {
  return Math.min(4, Math.max(1, os.availableParallelism() - 1))
}

export class HashPool {
  private readonly idle: Worker[] = []
  private readonly busy = new Map<Worker, Job>()
  private readonly queue: Job[] = []
  private nextId = 0
  private inProcess = false

  constructor (readonly threads: number, private readonly log: Logger) {
    for (let i = 0; i < threads; i++) this.spawn()
  }

  /** Hashes one item; resolves with its torrent and probe. */
  hash (media: ScannedMedia): Promise<HashResult> {
    if (this.inProcess) return this.hashHere(media)
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, media, resolve, reject })
      this.pump()
    })
  }

  async close (): Promise<void> {
    const workers = [...this.idle, ...this.busy.keys()]
    this.idle.length = 0
    await Promise.all(workers.map(async worker => await worker.terminate()))
  }

  private async hashHere (media: ScannedMedia): Promise<HashResult> {
    const [made, probe] = await Promise.all([makeTorrent(media), probeMedia(media.absolutePath)])
    return { made, probe }
  }

  private spawn (): void {
    const worker = new Worker(hashWorkerUrl())
    worker.unref()
    worker.on('message', (reply: Reply) => {
      const job = this.busy.get(worker)
      this.busy.delete(worker)
      this.idle.push(worker)
      if (job && job.id === reply.id) {
        if (reply.ok) job.resolve({ made: { ...reply.made, torrent: new Uint8Array(reply.made.torrent) }, probe: reply.probe })
        else job.reject(new Error(reply.error))
      }
      this.pump()
    })
    worker.on('error', err => {
      const job = this.busy.get(worker)
      this.busy.delete(worker)
      const index = this.idle.indexOf(worker)
      if (index >= 0) this.idle.splice(index, 1)
      if (this.idle.length === 0 && this.busy.size === 0) {
        // No thread survives: hash on the main thread from now on.
        this.inProcess = true
        this.log.warn('ingest.hash_threads_unavailable', { error: err.message, fallback: 'hashing on the main thread' })
        for (const queued of [...(job ? [job] : []), ...this.queue.splice(0)]) this.hashHere(queued.media).then(queued.resolve, queued.reject)
        return
      }
      if (job) this.queue.unshift(job)
      this.pump()
    })
    this.idle.push(worker)
  }

  private pump (): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()
      const job = this.queue.shift()
      if (!worker || !job) return
      this.busy.set(worker, job)
      worker.postMessage({ id: job.id, media: job.media })
    }
  }
}
