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
 *
 * This file keeps the records, their lock and the operations on them; the torrents running
 * in WebTorrent, and what their events do, are in download-torrents.ts.
 */
import path from 'node:path'
import type { TorrentSeeder } from '../library/torrent-seeder.ts'
import type { LibraryIngest } from '../library/library-ingest.ts'
import type { Logger } from '../lib/log.ts'
import { DownloadRecordStore, type DownloadRecord } from './download-record.ts'
import { ApiError } from '../../protocol/api/api-error.ts'
import type { FreeSpaceProbe } from './download-disk-space.ts'
import type { CheckedTorrent } from './download-torrent-file.ts'
import type { DownloadMagnet } from './download-magnet.ts'
import { DOWNLOADS_FOLDER, deleteTorrentData, ensureDownloadsFolder, exists, setAside } from './download-files.ts'
import { DownloadTorrents, markFailed } from './download-torrents.ts'
import { viewOf, type DownloadView } from './download-view.ts'
import { foreignTrackers, storedMagnet } from './stored-download-source.ts'

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

/**
 * A new download's record: queued, with what its source tells (a magnet has no name or size
 * yet), and no credential (stored-download-source.ts).
 */
function newRecord (infoHash: string, source: DownloadSource, ownAnnounce: readonly string[]): DownloadRecord {
  return {
    infoHash,
    magnet: source.kind === 'magnet' ? storedMagnet(infoHash, source.magnet.displayName) : null,
    trackers: foreignTrackers(source.kind === 'magnet' ? source.magnet.trackers : source.torrent.announce, ownAnnounce),
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
}

export class DownloadQueue {
  private readonly records = new Map<string, DownloadRecord>()
  private readonly torrents: DownloadTorrents
  private readonly store: DownloadRecordStore
  private readonly downloadsDir: string
  private lock: Promise<unknown> = Promise.resolve()
  private closed = false

  private constructor (private readonly deps: DownloadQueueDeps) {
    this.store = new DownloadRecordStore(deps.stateDir, deps.log)
    this.downloadsDir = path.join(deps.libraryDir, DOWNLOADS_FOLDER)
    this.torrents = new DownloadTorrents(deps, this.store, this.downloadsDir, {
      exclusive: async task => await this.exclusive(task),
      persist: async () => await this.persist(),
      schedule: async () => await this.schedule(),
      nameTakenByOther: (record, name) => this.nameTakenByOther(record, name),
      isClosed: () => this.closed
    })
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
      .map(record => viewOf(record, this.torrents.get(record.infoHash), this.deps.inLibrary(record.infoHash)))
  }

  get (infoHash: string): DownloadView {
    return viewOf(this.recordOf(infoHash), this.torrents.get(infoHash), this.deps.inLibrary(infoHash))
  }

  async add (source: DownloadSource): Promise<DownloadView> {
    return await this.exclusive(async () => {
      const infoHash = source.kind === 'magnet' ? source.magnet.infoHash : source.torrent.infoHash
      if (this.records.has(infoHash)) throw new ApiError('HEARTH_E_DOWNLOAD_EXISTS', `${infoHash} is already in the download queue`)
      if (this.deps.inLibrary(infoHash)) throw new ApiError('HEARTH_E_DOWNLOAD_EXISTS', `${infoHash} is already in the library`)
      if (this.records.size >= MAX_DOWNLOADS) throw new ApiError('HEARTH_E_BAD_REQUEST', `the queue holds ${MAX_DOWNLOADS} downloads; remove some first`)
      await ensureDownloadsFolder(this.deps.libraryDir)
      const record = newRecord(infoHash, source, this.deps.ownAnnounce)
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
        await this.torrents.stop(record)
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
      await this.torrents.stop(record)
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
      for (const record of this.records.values()) await this.torrents.stop(record)
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
    if (this.nameTakenByOther(record, name)) throw new ApiError('HEARTH_E_DOWNLOAD_EXISTS', `another download already writes ${DOWNLOADS_FOLDER}/${name}`)
    if (await setAside(this.downloadsDir, name, 'back')) this.deps.log.info('download.data_restored', { infoHash: record.infoHash, name })
    else if (await exists(path.join(this.downloadsDir, name))) {
      throw new ApiError('HEARTH_E_DOWNLOAD_EXISTS', `${DOWNLOADS_FOLDER}/${name} already exists; move it away or remove it first`)
    }
    record.name = name
  }

  private nameTakenByOther (record: DownloadRecord, name: string): boolean {
    for (const other of this.records.values()) {
      if (other !== record && other.name === name) return true
    }
    return false
  }

  private async schedule (): Promise<void> {
    if (this.closed) return
    const waiting = [...this.records.values()].filter(record => record.state === 'queued').sort((a, b) => a.addedAt.localeCompare(b.addedAt))
    for (const record of waiting) {
      if (this.torrents.size >= this.deps.maxActive) break
      try {
        await this.torrents.start(record)
      } catch (err) {
        markFailed(record, err, this.deps)
      }
    }
    await this.persist()
  }
}
