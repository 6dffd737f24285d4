/**
 * The download queue's wire format (`/api/downloads`): what the app sends to add a
 * download, and what the seed node answers for the queue, one download and a removal.
 * The seed node builds these values; the app parses them at its boundary.
 */
import { z } from 'zod'
import { InfoHash } from '../catalog.ts'
import { MAX_MAGNET_LENGTH_CHARS } from '../magnet/parse-magnet.ts'

/** Longest magnet link accepted: the magnet parser's bound (protocol/magnet/parse-magnet.ts). */
export { MAX_MAGNET_LENGTH_CHARS }
/** Largest .torrent file accepted; real ones are kilobytes. */
export const MAX_TORRENT_FILE_BYTES = 4 * 1024 * 1024
/** Largest JSON body: a 4 MiB .torrent is ~5.4 MiB of base64. */
export const MAX_DOWNLOAD_BODY_BYTES = 6 * 1024 * 1024

/** `POST /api/downloads`. A longer magnet reaches the magnet parser, which refuses it with HEARTH_E_BAD_MAGNET. */
export const AddDownloadBody = z.union([
  z.object({ magnet: z.string().min(1).max(8 * MAX_MAGNET_LENGTH_CHARS) }).strict(),
  z.object({ torrentBase64: z.string().min(1).max(Math.ceil(MAX_TORRENT_FILE_BYTES / 3) * 4 + 1024) }).strict()
])
export type AddDownloadBody = z.infer<typeof AddDownloadBody>

export const DOWNLOAD_STATES = ['queued', 'downloading', 'paused', 'seeding', 'completed', 'error'] as const

export const DownloadView = z.object({
  infoHash: InfoHash,
  name: z.string().nullable(),
  state: z.enum(DOWNLOAD_STATES),
  /** 0–1; 0 while a magnet's metadata is still being fetched. */
  progress: z.number().min(0).max(1),
  totalBytes: z.number().nonnegative().nullable(),
  downloadedBytes: z.number().nonnegative(),
  downloadSpeedBytesPerSec: z.number().nonnegative(),
  uploadSpeedBytesPerSec: z.number().nonnegative(),
  peers: z.number().int().nonnegative(),
  /** Seconds left at the current speed; null when unknown (no speed, no size) or done. */
  etaSec: z.number().nonnegative().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** The library item (its id is the infohash) once the finished download is in the catalog. */
  itemId: InfoHash.nullable(),
  addedAt: z.string(),
  completedAt: z.string().nullable()
})
export type DownloadView = z.infer<typeof DownloadView>
export type DownloadState = DownloadView['state']

/** `GET /api/downloads`. */
export const DownloadList = z.object({
  /** The downloads folder as a path on the home server (`<library>/Downloads`), shown to the user. */
  folder: z.string(),
  downloads: z.array(DownloadView)
})
export type DownloadList = z.infer<typeof DownloadList>

/** `DELETE /api/downloads/<infohash>?deleteData=true|false`. */
export const RemovedDownload = z.object({
  infoHash: InfoHash,
  deletedFiles: z.number().int().nonnegative(),
  setAside: z.boolean()
})
export type RemovedDownload = z.infer<typeof RemovedDownload>
