/**
 * What the state folder remembers of each download, so the queue survives a restart:
 * `<state>/downloads.json` (written atomically) and, once the metadata is known,
 * `<state>/downloads/<infohash>.torrent` (no trackers inside: the record keeps foreign ones and
 * the seed node's own are added at run time), which WebTorrent re-adds on restart and checks
 * against the partial data already on disk. A corrupt file is moved aside, never trusted.
 */
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { InfoHash } from '../../protocol/catalog.ts'
import { writeFileAtomic } from '../lib/atomic-file.ts'
import { readJsonStateFile } from '../lib/json-state-file.ts'
import type { Logger } from '../lib/log.ts'
import { withoutAnnounce } from '../library/torrent-announce-strip.ts'

export const DOWNLOAD_STATES = ['queued', 'downloading', 'paused', 'completed', 'error'] as const
export type DownloadState = typeof DOWNLOAD_STATES[number]

export const DownloadRecordSchema = z.object({
  infoHash: InfoHash,
  /** The magnet as added (for magnets whose metadata has not arrived yet), else null. */
  magnet: z.string().max(8 * 1024).nullable(),
  /** Trackers to announce to besides the seed node's own. */
  trackers: z.array(z.string().max(2048)).max(20),
  /** Torrent name (top-level file or folder in Downloads) once known; `dn` hint before. */
  name: z.string().max(4000).nullable(),
  /** True once the torrent's metadata is saved in the state folder. */
  hasMetadata: z.boolean(),
  totalBytes: z.number().int().nonnegative().nullable(),
  /** Verified bytes when last stopped (shown while the download is not running). */
  downloadedBytes: z.number().int().nonnegative(),
  state: z.enum(DOWNLOAD_STATES),
  error: z.object({ code: z.string().max(64), message: z.string().max(2000) }).nullable(),
  /** Library-relative path of the item the completed download became, if playable. */
  itemPath: z.string().nullable(),
  addedAt: z.string().datetime(),
  completedAt: z.string().datetime().nullable()
})
export type DownloadRecord = z.infer<typeof DownloadRecordSchema>

const FileSchema = z.object({ version: z.literal(1), downloads: z.array(DownloadRecordSchema).max(10_000) })

const INDEX_FILE = 'downloads.json'
/** Folder of the downloads' torrents in the state folder. */
export const DOWNLOAD_TORRENTS_FOLDER = 'downloads'

export class DownloadRecordStore {
  private writing: Promise<void> = Promise.resolve()
  /** What the file holds now (as loaded or last written): an unchanged queue is not written again (flash wear). */
  private onDisk: string | null = null

  constructor (private readonly stateDir: string, private readonly log: Logger) {}

  async load (): Promise<DownloadRecord[]> {
    const file = await readJsonStateFile(path.join(this.stateDir, INDEX_FILE), FileSchema, this.log, 'downloads.index_corrupt')
    if (file) this.onDisk = this.encode(file.downloads)
    return file?.downloads ?? []
  }

  /** Writes the whole queue; writes are serialised so the last call wins on disk. */
  async save (records: DownloadRecord[]): Promise<void> {
    const text = this.encode(records)
    this.writing = this.writing.catch(() => {}).then(async () => {
      if (text === this.onDisk) return
      await writeFileAtomic(path.join(this.stateDir, INDEX_FILE), text)
      this.onDisk = text
    })
    await this.writing
  }

  private encode (records: DownloadRecord[]): string {
    return JSON.stringify({ version: 1, downloads: records }, null, 1)
  }

  async readTorrent (infoHash: string): Promise<Uint8Array> {
    return new Uint8Array(await readFile(this.torrentPath(infoHash)))
  }

  /** Keeps the torrent without trackers (WebTorrent writes ours, with the credential, into it); they are added at run time. */
  async saveTorrent (infoHash: string, torrentFile: Uint8Array): Promise<void> {
    await writeFileAtomic(this.torrentPath(infoHash), withoutAnnounce(torrentFile))
  }

  async removeTorrent (infoHash: string): Promise<void> {
    await rm(this.torrentPath(infoHash), { force: true })
  }

  private torrentPath (infoHash: string): string {
    return path.join(this.stateDir, DOWNLOAD_TORRENTS_FOLDER, `${infoHash}.torrent`)
  }
}
