/**
 * The seed node's durable memory of watch state: an append-only log of records, one JSON
 * line each, in the state folder. A record is acknowledged only after its line is
 * fsynced, so a crash (even SIGKILL) loses nothing that was acknowledged. Appends that
 * arrive together share one write and one fsync (group commit). When the log holds many
 * superseded lines it is compacted: the live records are written to a new file, fsynced,
 * and renamed over the old one.
 */
import { open, readFile, rename, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { mergeRecords, parseWatchRecord, recordKey, type WatchRecord } from '../../protocol/watch-record.ts'
import { writeFileAtomic } from '../lib/atomic-file.ts'
import { errnoCode } from '../lib/errors.ts'
import type { Logger } from '../lib/log.ts'
import type { WatchStateLogStats } from '../../protocol/api/status.ts'

const LOG_FILE = 'watch-state.log'
/** What each person watched, and when: the owner's to read, nobody else's. */
const LOG_FILE_MODE = 0o600
/** Compact once superseded lines outnumber live records by this many. */
const COMPACT_SLACK_LINES = 1000


/**
 * Who made a change: an opaque token the caller of `apply` chooses (each sync wire has its
 * own, see wire-replica.ts), handed back to change listeners so a wire can leave out the
 * records that came from its own peer. Undefined for changes made by the seed node itself.
 */
export type ChangeOrigin = object | undefined
export type ChangeListener = (records: WatchRecord[], origin: ChangeOrigin) => void

export class WatchStateLog {
  private readonly state = new Map<string, WatchRecord>()
  private handle: FileHandle | null = null
  private pending: Array<{ lines: string, done: (err?: Error) => void }> = []
  private queue: Promise<void> = Promise.resolve()
  private readonly listeners = new Set<ChangeListener>()
  readonly stats: WatchStateLogStats = { records: 0, logLines: 0, skippedLines: 0, compactions: 0 }

  private constructor (private readonly filePath: string, private readonly log: Logger) {}

  static async open (stateDir: string, log: Logger): Promise<WatchStateLog> {
    const store = new WatchStateLog(path.join(stateDir, LOG_FILE), log)
    await store.load()
    store.handle = await open(store.filePath, 'a', LOG_FILE_MODE)
    return store
  }

  snapshot (): WatchRecord[] {
    return [...this.state.values()]
  }

  get (profile: string, itemId: string): WatchRecord | undefined {
    return this.state.get(recordKey({ profile, itemId }))
  }

  /** Merges records; resolves once the changed ones are on disk; returns them. */
  async apply (records: WatchRecord[], origin?: ChangeOrigin): Promise<WatchRecord[]> {
    const changed = mergeRecords(this.state, records)
    if (changed.length === 0) return []
    this.stats.records = this.state.size
    await this.append(changed)
    for (const listener of this.listeners) listener(changed, origin)
    if (this.stats.logLines > this.state.size + COMPACT_SLACK_LINES) await this.compact()
    return changed
  }

  /** Changes made by `apply`, with the origin it was given (records from one peer, to be pushed to the others). */
  onChange (listener: ChangeListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async close (): Promise<void> {
    await this.enqueue(async () => {
      await this.handle?.close()
      this.handle = null
    })
  }

  /** File operations run one at a time, in order: appends, compactions, close. */
  private enqueue (operation: () => Promise<void>): Promise<void> {
    const run = this.queue.then(operation)
    this.queue = run.catch(() => {})
    return run
  }

  private append (records: WatchRecord[]): Promise<void> {
    const lines = records.map(record => JSON.stringify(record) + '\n').join('')
    const written = new Promise<void>((resolve, reject) => {
      this.pending.push({ lines, done: err => err ? reject(err) : resolve() })
    })
    this.stats.logLines += records.length
    void this.enqueue(async () => await this.writePending())
    return written
  }

  /** Writes everything pending with one write and one fsync (group commit). */
  private async writePending (): Promise<void> {
    const batch = this.pending
    this.pending = []
    if (batch.length === 0) return
    try {
      if (!this.handle) throw new Error('watch-state log is closed')
      await this.handle.write(batch.map(entry => entry.lines).join(''))
      await this.handle.sync()
      for (const entry of batch) entry.done()
    } catch (err) {
      this.log.error('watch_state.write_failed', { error: err instanceof Error ? err.message : String(err) })
      for (const entry of batch) entry.done(err instanceof Error ? err : new Error(String(err)))
    }
  }

  private async compact (): Promise<void> {
    await this.enqueue(async () => {
      const snapshot = this.snapshot().map(record => JSON.stringify(record) + '\n').join('')
      await this.handle?.close()
      try {
        await writeFileAtomic(this.filePath, snapshot, LOG_FILE_MODE)
        this.stats.logLines = this.state.size
        this.stats.compactions++
        this.log.info('watch_state.compacted', { records: this.state.size })
      } finally {
        this.handle = await open(this.filePath, 'a', LOG_FILE_MODE)
      }
    })
  }

  private async load (): Promise<void> {
    let text: string
    try {
      text = await readFile(this.filePath, 'utf8')
    } catch (err) {
      if (errnoCode(err) === 'ENOENT') return
      throw err
    }
    const lines = text.split('\n')
    const tornTail = lines.length > 0 && lines[lines.length - 1] !== ''
    const records: WatchRecord[] = []
    for (const line of lines) {
      if (line === '') continue
      let record: WatchRecord | undefined
      try {
        record = parseWatchRecord(JSON.parse(line))
      } catch {
        record = undefined
      }
      if (record) records.push(record)
      else this.stats.skippedLines++
    }
    mergeRecords(this.state, records)
    this.stats.records = this.state.size
    this.stats.logLines = records.length
    if (this.stats.skippedLines > 0) this.log.warn('watch_state.lines_skipped', { count: this.stats.skippedLines, tornTail })
    if (tornTail) {
      // A write torn by a crash: rewrite the file without it so new lines start cleanly.
      const aside = `${this.filePath}.torn-${Date.now()}`
      await rename(this.filePath, aside)
      await writeFileAtomic(this.filePath, this.snapshot().map(record => JSON.stringify(record) + '\n').join(''), LOG_FILE_MODE)
      this.stats.logLines = this.state.size
    }
  }
}
