/**
 * What `GET /api/downloads` shows of one download: the record plus live numbers from
 * WebTorrent, in the wire format of protocol/api/downloads.ts (the app parses it there).
 */
import type { Torrent } from 'webtorrent'
import type { DownloadRecord } from './download-record.ts'
import type { DownloadState, DownloadView } from '../../protocol/api/downloads.ts'

export type { DownloadView }

export function viewOf (record: DownloadRecord, torrent: Torrent | undefined, seeding: boolean): DownloadView {
  const total = record.totalBytes ?? (torrent?.ready === true ? torrent.length : null)
  const downloaded = record.state === 'completed'
    ? total ?? record.downloadedBytes
    : torrent && total ? Math.round(torrent.progress * total) : record.downloadedBytes
  const downSpeed = torrent ? Math.round(torrent.downloadSpeed) : 0
  const remaining = total === null ? null : Math.max(0, total - downloaded)
  let state: DownloadState = record.state
  if (record.state === 'completed' && seeding) state = 'seeding'
  return {
    infoHash: record.infoHash,
    name: record.name,
    state,
    progress: total ? Math.min(1, downloaded / total) : (record.state === 'completed' ? 1 : 0),
    totalBytes: total,
    downloadedBytes: downloaded,
    downloadSpeedBytesPerSec: downSpeed,
    uploadSpeedBytesPerSec: torrent ? Math.round(torrent.uploadSpeed) : 0,
    peers: torrent?.numPeers ?? 0,
    etaSec: record.state === 'downloading' && remaining !== null && downSpeed > 0 ? Math.ceil(remaining / downSpeed) : null,
    error: record.error,
    itemId: record.state === 'completed' && record.itemPath !== null ? record.infoHash : null,
    addedAt: record.addedAt,
    completedAt: record.completedAt
  }
}
