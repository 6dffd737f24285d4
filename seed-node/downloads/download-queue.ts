/**
 * The seed node's download queue: magnets and .torrent files downloaded into
 * `<library>/Downloads`, at most `maxActive` at a time (the rest wait queued), durable
 * across restarts, and joining the library when finished without being hashed again.
 *
 * Decisions:
 * - Data is written in place, into `<library>/Downloads/<torrent name>`, so finishing needs
 *   no copy and the disk checked for space is the one written. Partial files are kept out
 *   of the library by `isBusy`, which ingest asks before admitting a path: everything under
 *   a download that has not completed is skipped.
 * - Untrusted names are checked on the raw info dictionary (`confineTorrentFiles`) when a
 *   .torrent is added, and for magnets in WebTorrent's `metadata` event, which fires after
 *   its file store is made (it opens nothing) and before it verifies or writes anything.
 * - Pausing stops the torrent in WebTorrent (no wires, no slot); resuming (and restarting)
 *   re-adds the .torrent kept in the state folder, and WebTorrent re-verifies every piece
 *   already on disk, partial ones included, before it downloads the rest.
 * - A write failing with ENOSPC destroys that torrent in WebTorrent; the queue marks it
 *   paused with HEARTH_E_DISK_FULL, and every other download and item goes on.
 */
import path from 'node:path'
import type { Torrent } from 'webtorrent'
import type { TorrentSeeder } from '../library/torrent-seeder.ts'
import type { LibraryIngest } from '../library/library-ingest.ts'
import type { Logger } from '../lib/log.ts'
import { errnoCode } from '../lib/errors.ts'
import { DownloadRecordStore, type DownloadRecord } from './download-record.ts'
import { ApiError, type ApiErrorCode } from '../../protocol/api/api-error.ts'
import { checkFreeSpace, statfsFreeBytes, type FreeSpaceProbe } from './download-disk-space.ts'
import { confineNames, type CheckedTorrent } from './download-torrent-file.ts'
import type { DownloadMagnet } from './download-magnet.ts'
import { DOWNLOADS_FOLDER, deleteTorrentData, ensureDownloadsFolder, exists, setAside } from './download-files.ts'
import { planCompletion } from './download-completion.ts'
import { viewOf, type DownloadView } from './download-view.ts'

/** Bounds of the `maxActiveDownloads` option. */
export const MAX_ACTIVE_DOWNLOADS_BOUNDS = { min: 1, max: 20, default: 3 } as const
/** Downloads remembered at once (every state); beyond this, adding is refused. */
export const MAX_DOWNLOADS = 1000

export interface DownloadQueueDeps {
  libraryDir: string
  stateDir: string
  maxActive: number
  /** The seed node's own announce URLs: every download announces there too (household peers). */
  ownAnnounce: string[]
  seeder: TorrentSeeder
  ingest: Pick<LibraryIngest, 'admitDownloaded' | 'forgetDownloaded'>
  /** Whether the library holds (and the seeder seeds) an item with this infohash. */
  inLibrary: (infoHash: string) => boolean
  log: Logger
  freeSpace?: FreeSpaceProbe
}

export type DownloadSource = { kind: 'magnet', magnet: DownloadMagnet, text: string } | { kind: 'torrent', torrent: CheckedTorrent }

export class DownloadQueue {
  private readonly records = new Map<string, DownloadRecord>()
  private readonly active = new Map<string, Torrent>()
  private readonly store: DownloadRecordStore
  private readonly downloadsDir: string
  private lock: Promise<unknown> = Promise.resolve()
  private closed = false

  private constructor (private readonly deps: DownloadQueueDeps) {
    this.store = new DownloadRecordStore(deps.stateDir, deps.log)
    this.downloadsDir = path.join(deps.libraryDir, DOWNLOADS_FOLDER)
  }

  /** Loads the queue from the state folder; call `start()` once the seeder is running. */
  static async open (deps: DownloadQueueDeps): Promise<DownloadQueue> {
    const queue = new DownloadQueue(deps)
    for (const record of await queue.store.load()) {
      // A download running when the node stopped waits its turn again.
      queue.records.set(record.infoHash, record.state === 'downloading' ? { ...record, state: 'queued' } : record)
    }
    return queue
  }

  get folder (): string {
    return this.downloadsDir
  }

  /** True for library-relative paths a download that has not completed is writing. */
  isBusy (relativePath: string): boolean {
    for (const record of this.records.values()) {
      if (record.state === 'completed' || record.name === null) continue
      const prefix = `${DOWNLOADS_FOLDER}/${record.name}`
      if (relativePath === prefix || relativePath.startsWith(prefix + '/')) return true
    }
    return false
  }

  /** Starts queued downloads (also those that were running when the node stopped). */
  async start (): Promise<void> {
    await this.exclusive(async () => await this.schedule())
  }

  list (): DownloadView[] {
    return [...this.records.values()]
      .sort((a, b) => a.addedAt.localeCompare(b.addedAt))
      .map(record => viewOf(record, this.active.get(record.infoHash), this.deps.inLibrary(record.infoHash)))
  }

  get (infoHash: string): DownloadView {
    return viewOf(this.recordOf(infoHash), this.active.get(infoHash), this.deps.inLibrary(infoHash))
  }

  async add (source: DownloadSource): Promise<DownloadView> {
    return await this.exclusive(async () => {
      const infoHash = source.kind === 'magnet' ? source.magnet.infoHash : source.torrent.infoHash
      if (this.records.has(infoHash)) throw new ApiError('HEARTH_E_DOWNLOAD_EXISTS', `${infoHash} is already in the download queue`)
      if (this.deps.inLibrary(infoHash)) throw new ApiError('HEARTH_E_DOWNLOAD_EXISTS', `${infoHash} is already in the library`)
      if (this.records.size >= MAX_DOWNLOADS) throw new ApiError('HEARTH_E_BAD_REQUEST', `the queue holds ${MAX_DOWNLOADS} downloads; remove some first`)
      await ensureDownloadsFolder(this.deps.libraryDir)
      const record: DownloadRecord = {
        infoHash,
        magnet: source.kind === 'magnet' ? source.text : null,
        trackers: source.kind === 'magnet' ? source.magnet.trackers : source.torrent.announce,
        name: source.kind === 'magnet' ? null : source.torrent.name,
        hasMetadata: source.kind === 'torrent',
        totalBytes: source.kind === 'magnet' ? null : source.torrent.totalBytes,
        downloadedBytes: 0,
        state: 'queued',
        error: null,
        itemPath: null,
        addedAt: new Date().toISOString(),
        completedAt: null
      }
      if (source.kind === 'torrent') {
        await this.claimName(record, source.torrent.name)
        await this.store.saveTorrent(infoHash, source.torrent.torrentFile)
      }
      this.records.set(infoHash, record)
      await this.persist()
      this.deps.log.info('download.added', { infoHash, source: source.kind, name: record.name ?? source.kind })
      await this.schedule()
      return this.get(infoHash)
    })
  }

  async pause (infoHash: string): Promise<DownloadView> {
    return await this.exclusive(async () => {
      const record = this.recordOf(infoHash)
      if (record.state === 'queued' || record.state === 'downloading' || record.state === 'error') {
        await this.stopTorrent(record)
        record.state = 'paused'
        await this.persist()
        this.deps.log.info('download.paused', { infoHash })
        await this.schedule()
      }
      return this.get(infoHash)
    })
  }

  async resume (infoHash: string): Promise<DownloadView> {
    return await this.exclusive(async () => {
      const record = this.recordOf(infoHash)
      if (record.state === 'paused' || record.state === 'error') {
        record.state = 'queued'
        record.error = null
        await this.persist()
        this.deps.log.info('download.resumed', { infoHash })
        await this.schedule()
      }
      return this.get(infoHash)
    })
  }

  /**
   * Removes a download. Keeping data: a finished download stays in the library; an
   * unfinished one is set aside as `<name>.part` (never ingested; adding the same torrent
   * again continues from it). Deleting data: only the torrent's own files in Downloads.
   */
  async remove (infoHash: string, deleteData: boolean): Promise<{ infoHash: string, deletedFiles: number, setAside: boolean }> {
    return await this.exclusive(async () => {
      const record = this.recordOf(infoHash)
      await this.stopTorrent(record)
      let deletedFiles = 0
      let setAsideData = false
      if (deleteData) {
        if (record.state === 'completed') await this.deps.ingest.forgetDownloaded(infoHash)
        if (record.hasMetadata) deletedFiles = await deleteTorrentData(this.downloadsDir, await this.store.readTorrent(infoHash))
      } else if (record.state !== 'completed' && record.name !== null) {
        setAsideData = await setAside(this.downloadsDir, record.name, 'aside')
      }
      await this.store.removeTorrent(infoHash)
      this.records.delete(infoHash)
      await this.persist()
      this.deps.log.info('download.removed', { infoHash, deleteData, deletedFiles, setAside: setAsideData })
      await this.schedule()
      return { infoHash, deletedFiles, setAside: setAsideData }
    })
  }

  /** Stops every running torrent (their data stays for the next start) and saves the queue. */
  async close (): Promise<void> {
    await this.exclusive(async () => {
      this.closed = true
      for (const record of this.records.values()) {
        const torrent = this.active.get(record.infoHash)
        if (torrent && record.totalBytes) record.downloadedBytes = Math.round(torrent.progress * record.totalBytes)
        if (torrent) await this.deps.seeder.removeDownload(torrent)
      }
      this.active.clear()
      await this.persist()
    })
  }

  private recordOf (infoHash: string): DownloadRecord {
    const record = this.records.get(infoHash)
    if (!record) throw new ApiError('HEARTH_E_UNKNOWN_DOWNLOAD', `no download with infohash ${infoHash.slice(0, 40)}`)
    return record
  }

  /** Runs `task` after every earlier operation; queue state changes only inside it. */
  private async exclusive<T> (task: () => Promise<T>): Promise<T> {
    const run = this.lock.catch(() => {}).then(task)
    this.lock = run
    return await run
  }

  private async persist (): Promise<void> {
    await this.store.save([...this.records.values()])
  }

  /** Takes `name` in Downloads for `record`, bringing set-aside data back; refuses a name in use. */
  private async claimName (record: DownloadRecord, name: string): Promise<void> {
    for (const other of this.records.values()) {
      if (other !== record && other.name === name) throw new ApiError('HEARTH_E_DOWNLOAD_EXISTS', `another download already writes ${DOWNLOADS_FOLDER}/${name}`)
    }
    if (await setAside(this.downloadsDir, name, 'back')) this.deps.log.info('download.data_restored', { infoHash: record.infoHash, name })
    else if (await exists(path.join(this.downloadsDir, name))) {
      throw new ApiError('HEARTH_E_DOWNLOAD_EXISTS', `${DOWNLOADS_FOLDER}/${name} already exists; move it away or remove it first`)
    }
    record.name = name
  }

  private async schedule (): Promise<void> {
    if (this.closed) return
    const waiting = [...this.records.values()].filter(record => record.state === 'queued').sort((a, b) => a.addedAt.localeCompare(b.addedAt))
    for (const record of waiting) {
      if (this.active.size >= this.deps.maxActive) break
      try {
        await this.startTorrent(record)
      } catch (err) {
        this.fail(record, err)
      }
    }
    await this.persist()
  }

  private async startTorrent (record: DownloadRecord): Promise<void> {
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
    torrent.on('metadata', () => this.onMetadata(record, torrent))
    torrent.on('done', () => { this.exclusive(async () => await this.onDone(record, torrent)).catch(err => this.deps.log.error('download.completion_failed', { infoHash: record.infoHash, error: String(err) })) })
    torrent.on('error', err => { this.exclusive(async () => await this.onTorrentError(record, torrent, err)).catch(() => {}) })
    torrent.on('warning', err => this.deps.log.debug('download.warning', { infoHash: record.infoHash, warning: String(err) }))
    this.deps.log.info('download.started', { infoHash: record.infoHash, name: record.name ?? 'magnet', verifying: record.downloadedBytes > 0 || record.hasMetadata })
  }

  /** Synchronous on purpose: runs before WebTorrent reads or writes a byte of the torrent. */
  private onMetadata (record: DownloadRecord, torrent: Torrent): void {
    try {
      confineNames(this.downloadsDir, torrent.info)
      for (const other of this.records.values()) {
        if (other !== record && other.name === torrent.name) throw new ApiError('HEARTH_E_DOWNLOAD_EXISTS', `another download already writes ${DOWNLOADS_FOLDER}/${torrent.name}`)
      }
    } catch (err) {
      torrent.destroy({ destroyStore: false })
      this.active.delete(record.infoHash)
      this.fail(record, err)
      this.exclusive(async () => { await this.persist(); await this.schedule() }).catch(() => {})
      return
    }
    if (record.hasMetadata) return
    const firstName = record.name === null
    record.name = torrent.name
    record.totalBytes = torrent.length
    this.exclusive(async () => {
      if (this.active.get(record.infoHash) !== torrent) return
      if (firstName && !record.hasMetadata && torrent.torrentFile) await this.store.saveTorrent(record.infoHash, torrent.torrentFile)
      record.hasMetadata = true
      record.magnet = null
      await this.persist()
      try {
        await checkFreeSpace(this.deps.freeSpace ?? statfsFreeBytes, this.downloadsDir, torrent.length)
      } catch (err) {
        await this.stopTorrent(record)
        this.fail(record, err)
        await this.persist()
        await this.schedule()
      }
    }).catch(err => this.deps.log.error('download.metadata_failed', { infoHash: record.infoHash, error: String(err) }))
  }

  private async onDone (record: DownloadRecord, torrent: Torrent): Promise<void> {
    if (this.active.get(record.infoHash) !== torrent || this.closed) return
    const files = torrent.files.map(file => ({ torrentPath: file.path.split(path.sep).join('/'), sizeBytes: file.length }))
    const torrentFile = torrent.torrentFile ?? await this.store.readTorrent(record.infoHash)
    const pieceCount = torrent.pieces.length
    await this.stopTorrent(record)
    const plan = planCompletion(files, DOWNLOADS_FOLDER)
    if (plan) {
      await this.deps.ingest.admitDownloaded({ infoHash: record.infoHash, torrent: torrentFile, pieceCount, mediaPath: plan.mediaPath, subtitlePaths: plan.subtitlePaths, torrentFiles: plan.torrentFiles })
      if (plan.otherPlayable.length > 0) this.deps.log.info('download.other_playable_files', { infoHash: record.infoHash, count: plan.otherPlayable.length, note: 'picked up by the next scan as items of their own' })
    } else {
      this.deps.log.warn('download.no_playable_file', { infoHash: record.infoHash, name: record.name })
    }
    record.state = 'completed'
    record.itemPath = plan?.mediaPath ?? null
    record.totalBytes = files.reduce((sum, file) => sum + file.sizeBytes, 0)
    record.downloadedBytes = record.totalBytes
    record.completedAt = new Date().toISOString()
    await this.persist()
    this.deps.log.info('download.completed', { infoHash: record.infoHash, name: record.name, item: record.itemPath })
    await this.schedule()
  }

  private async onTorrentError (record: DownloadRecord, torrent: Torrent, err: unknown): Promise<void> {
    if (this.active.get(record.infoHash) !== torrent || this.closed) return
    this.active.delete(record.infoHash)
    if (record.totalBytes) record.downloadedBytes = Math.round(torrent.progress * record.totalBytes)
    if (errnoCode(err) === 'ENOSPC') {
      record.state = 'paused'
      record.error = { code: 'HEARTH_E_DISK_FULL' satisfies ApiErrorCode, message: `the disk holding ${this.downloadsDir} filled up while downloading; free some space and resume` }
      this.deps.log.warn('download.disk_full', { infoHash: record.infoHash })
    } else {
      this.fail(record, err)
    }
    await this.persist()
    await this.schedule()
  }

  private async stopTorrent (record: DownloadRecord): Promise<void> {
    const torrent = this.active.get(record.infoHash)
    if (!torrent) return
    this.active.delete(record.infoHash)
    if (record.totalBytes) record.downloadedBytes = Math.round(torrent.progress * record.totalBytes)
    await this.deps.seeder.removeDownload(torrent)
  }

  private fail (record: DownloadRecord, err: unknown): void {
    const code = err instanceof ApiError ? err.code : 'HEARTH_E_DOWNLOAD_FAILED'
    const message = err instanceof Error ? err.message : String(err)
    record.state = 'error'
    record.error = { code, message: message.slice(0, 2000) }
    this.deps.log.warn('download.failed', { infoHash: record.infoHash, code, error: message.slice(0, 300) })
  }
}
