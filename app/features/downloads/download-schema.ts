/**
 * What `GET /api/downloads` and friends answer (see `seed-node/download-view.ts`), parsed at
 * the boundary so the UI only ever sees typed values.
 */
import { z } from 'zod'
import { InfoHash } from '../../../protocol/catalog.ts'

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
  /** Seconds left at the current speed; null when unknown or done. */
  etaSec: z.number().nonnegative().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** The library item (its id is the infohash) once the finished download is in the catalog. */
  itemId: InfoHash.nullable(),
  addedAt: z.string(),
  completedAt: z.string().nullable()
})
export type DownloadView = z.infer<typeof DownloadView>
export type DownloadState = DownloadView['state']

export const DownloadList = z.object({
  /** The downloads folder, relative to the library (shown to the user). */
  folder: z.string(),
  downloads: z.array(DownloadView)
})
export type DownloadList = z.infer<typeof DownloadList>

export const RemovedDownload = z.object({
  infoHash: InfoHash,
  deletedFiles: z.number().int().nonnegative(),
  setAside: z.boolean()
})
export type RemovedDownload = z.infer<typeof RemovedDownload>
