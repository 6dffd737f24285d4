/**
 * The download queue's running torrents in WebTorrent: starting one for a record (after the
 * free-space check), stopping it, and what its events do to the record. Names and lengths are
 * checked on `metadata` (and a magnet's names must not exist yet in Downloads: a download never
 * overwrites), the item joins the library on `done`, a full disk pauses it on `error`.
 * Every change to a record after an event goes through the queue's lock (`QueueControl`),
 * like the queue's own operations; see download-queue.ts for the decisions behind them.
 */
import path from 'node:path'
import type { Torrent } from 'webtorrent'
import { errnoCode } from '../lib/errors.ts'
import { checkFreeSpace, statfsFreeBytes } from './download-disk-space.ts'
import { DOWNLOADS_FOLDER, ensureDownloadsFolder } from './download-files.ts'
import { ApiError } from '../../protocol/api/api-error.ts'
import { planCompletion } from './download-completion.ts'
import type { DownloadQueueDeps } from './download-queue.ts'
import type { DownloadRecord, DownloadRecordStore } from './download-record.ts'
import { confineNames } from './download-torrent-file.ts'
import { checkTorrentLengths } from './torrent-lengths.ts'
import { claimNamesOnDisk, topLevelName } from './download-name-claim.ts'

/** What the running torrents need from the queue that owns the records. */
export interface QueueControl {
  /** Runs `task` under the queue's lock, after every earlier operation. */
  exclusive<T> (task: () => Promise<T>): Promise<T>
  persist (): Promise<void>
  /** Starts queued downloads while slots are free, then saves. */
  schedule (): Promise<void>
  /** Whether a record other than `record` already writes `Downloads/<name>`. */
  nameTakenByOther (record: DownloadRecord, name: string): boolean
  isClosed (): boolean
}

export class DownloadTorrents {
  private readonly active = new Map<string, Torrent>()

  constructor (
    private readonly deps: DownloadQueueDeps,
    private readonly store: DownloadRecordStore,
    private readonly downloadsDir: string,
    private readonly queue: QueueControl
  ) {}

  get size (): number {
    return this.active.size
  }

  get (infoHash: string): Torrent | undefined {
    return this.active.get(infoHash)
  }

  async start (record: DownloadRecord): Promise<void> {
    const downloadsDir = await ensureDownloadsFolder(this.deps.libraryDir)
    if (record.totalBytes !== null) {
      await checkFreeSpace(this.deps.freeSpace ?? statfsFreeBytes, downloadsDir, record.totalBytes - record.downloadedBytes)
    }
    const torrentId = record.hasMetadata ? await this.store.readTorrent(record.infoHash) : (record.magnet ?? `magnet:?xt=urn:btih:${record.infoHash}`)
    const trackers = [...new Set([...this.deps.ownAnnounce, ...record.trackers])]
    const torrent = this.deps.seeder.addDownload(torrentId, downloadsDir, trackers)
    this.active.set(record.infoHash, torrent)
    record.state = 'downloading'
    record.error = null
    const { log } = this.deps
    torrent.on('metadata', () => this.onMetadata(record, torrent))
    torrent.on('done', () => { this.queue.exclusive(async () => await this.onDone(record, torrent)).catch(err => log.error('download.completion_failed', { infoHash: record.infoHash, error: String(err) })) })
    torrent.on('error', err => { this.queue.exclusive(async () => await this.onTorrentError(record, torrent, err)).catch(() => {}) })
    torrent.on('warning', err => log.debug('download.warning', { infoHash: record.infoHash, warning: String(err) }))
    log.info('download.started', { infoHash: record.infoHash, name: record.name ?? 'magnet', verifying: record.downloadedBytes > 0 || record.hasMetadata })
  }

  /** Stops `record`'s torrent, if running; its data stays on disk. */
  async stop (record: DownloadRecord): Promise<void> {
    const torrent = this.active.get(record.infoHash)
    if (!torrent) return
    this.active.delete(record.infoHash)
    if (record.totalBytes) record.downloadedBytes = Math.round(torrent.progress * record.totalBytes)
    await this.deps.seeder.removeDownload(torrent)
  }

  /** Synchronous on purpose: runs before WebTorrent reads or writes a byte of the torrent. */
  private onMetadata (record: DownloadRecord, torrent: Torrent): void {
    try {
      const files = confineNames(this.downloadsDir, torrent.info)
      checkTorrentLengths(torrent.info)
      if (this.queue.nameTakenByOther(record, torrent.name)) throw new ApiError('HEARTH_E_DOWNLOAD_EXISTS', `another download already writes ${DOWNLOADS_FOLDER}/${torrent.name}`)
      // A magnet's names are known only now; a .torrent's were claimed when it was added, and
      // a magnet whose metadata was kept before owns what it wrote since (its own partial data).
      if (!record.hasMetadata) claimNamesOnDisk(this.downloadsDir, [torrent.name, ...files.map(file => topLevelName(this.downloadsDir, file))], record.infoHash, this.deps.log)
    } catch (err) {
      torrent.destroy({ destroyStore: false })
      this.active.delete(record.infoHash)
      markFailed(record, err, this.deps)
      this.queue.exclusive(async () => { await this.queue.persist(); await this.queue.schedule() }).catch(() => {})
      return
    }
    if (record.hasMetadata) return
    const firstName = record.name === null
    record.name = torrent.name
    record.totalBytes = torrent.length
    this.queue.exclusive(async () => await this.keepMetadata(record, torrent, firstName))
      .catch(err => this.deps.log.error('download.metadata_failed', { infoHash: record.infoHash, error: String(err) }))
  }

  /** A magnet's metadata arrived: keep its .torrent, forget the magnet, check the space it needs. */
  private async keepMetadata (record: DownloadRecord, torrent: Torrent, firstName: boolean): Promise<void> {
    if (this.active.get(record.infoHash) !== torrent) return
    if (firstName && !record.hasMetadata && torrent.torrentFile) await this.store.saveTorrent(record.infoHash, torrent.torrentFile)
    record.hasMetadata = true
    record.magnet = null
    await this.queue.persist()
    try {
      await checkFreeSpace(this.deps.freeSpace ?? statfsFreeBytes, this.downloadsDir, torrent.length)
    } catch (err) {
      await this.stop(record)
      markFailed(record, err, this.deps)
      await this.queue.persist()
      await this.queue.schedule()
    }
  }

  private async onDone (record: DownloadRecord, torrent: Torrent): Promise<void> {
    if (this.active.get(record.infoHash) !== torrent || this.queue.isClosed()) return
    const files = torrent.files.map(file => ({ torrentPath: file.path.split(path.sep).join('/'), sizeBytes: file.length }))
    const torrentFile = torrent.torrentFile ?? await this.store.readTorrent(record.infoHash)
    const pieceCount = torrent.pieces.length
    await this.stop(record)
    const { ingest, log } = this.deps
    const plan = planCompletion(files, DOWNLOADS_FOLDER)
    if (plan) {
      await ingest.admitDownloaded({ infoHash: record.infoHash, torrent: torrentFile, pieceCount, mediaPath: plan.mediaPath, subtitlePaths: plan.subtitlePaths, torrentFiles: plan.torrentFiles })
      if (plan.otherPlayable.length > 0) log.info('download.other_playable_files', { infoHash: record.infoHash, count: plan.otherPlayable.length, note: 'picked up by the next scan as items of their own' })
    } else {
      log.warn('download.no_playable_file', { infoHash: record.infoHash, name: record.name })
    }
    record.state = 'completed'
    record.itemPath = plan?.mediaPath ?? null
    record.totalBytes = files.reduce((sum, file) => sum + file.sizeBytes, 0)
    record.downloadedBytes = record.totalBytes
    record.completedAt = new Date().toISOString()
    await this.queue.persist()
    log.info('download.completed', { infoHash: record.infoHash, name: record.name, item: record.itemPath })
    await this.queue.schedule()
  }

  private async onTorrentError (record: DownloadRecord, torrent: Torrent, err: unknown): Promise<void> {
    if (this.active.get(record.infoHash) !== torrent || this.queue.isClosed()) return
    this.active.delete(record.infoHash)
    if (record.totalBytes) record.downloadedBytes = Math.round(torrent.progress * record.totalBytes)
    if (errnoCode(err) === 'ENOSPC') {
      record.state = 'paused'
      record.error = { code: 'HEARTH_E_DISK_FULL', message: `the disk holding ${this.downloadsDir} filled up while downloading; free some space and resume` }
      this.deps.log.warn('download.disk_full', { infoHash: record.infoHash })
    } else {
      markFailed(record, err, this.deps)
    }
    await this.queue.persist()
    await this.queue.schedule()
  }
}

/** Puts `record` in the error state with the error's stable code (or HEARTH_E_DOWNLOAD_FAILED). */
export function markFailed (record: DownloadRecord, err: unknown, { log }: Pick<DownloadQueueDeps, 'log'>): void {
  const code = err instanceof ApiError ? err.code : 'HEARTH_E_DOWNLOAD_FAILED'
  const message = err instanceof Error ? err.message : String(err)
  record.state = 'error'
  record.error = { code, message: message.slice(0, 2000) }
  log.warn('download.failed', { infoHash: record.infoHash, code, error: message.slice(0, 300) })
}
