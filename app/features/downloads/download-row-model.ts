/**
 * Everything one row of the queue shows, worked out from the seed node's view of the
 * download and the catalog: text ready to render, and which actions apply.
 */
import { formatBytes, formatSpeed } from '../../lib/format/format-bytes.ts'
import { formatEta } from '../../lib/format/format-eta.ts'
import { formatPercent } from '../../lib/format/format-percent.ts'
import { safeDisplayName } from '../../lib/format/safe-display-name.ts'
import type { DownloadView } from '../../../protocol/api/downloads.ts'
import { downloadStateLabel, isFinished } from './download-state-label.ts'

export interface DownloadRowModel {
  readonly infoHash: string
  readonly name: string
  readonly state: DownloadView['state']
  readonly stateLabel: string
  /** 0–1, for the progress bar. */
  readonly progress: number
  readonly percent: string
  /** `120 MB of 700 MB`, `700 MB`, or `Size not known yet`. */
  readonly size: string
  /** Speed, peers and ETA mean something only while the download runs. */
  readonly active: boolean
  readonly speed: string
  readonly peers: string
  readonly eta: string
  readonly canPause: boolean
  readonly canResume: boolean
  readonly errorMessage: string | null
  /** Set when the finished download is an item of the catalog: the row links to it. */
  readonly libraryItemId: string | null
}

export function downloadRowModel (download: DownloadView, catalogIds: ReadonlySet<string>): DownloadRowModel {
  const finished = isFinished(download.state)
  const active = download.state === 'downloading'
  const itemId = download.itemId ?? download.infoHash
  return {
    infoHash: download.infoHash,
    name: displayName(download),
    state: download.state,
    stateLabel: downloadStateLabel(download),
    progress: finished ? 1 : download.progress,
    percent: formatPercent(finished ? 1 : download.progress),
    size: sizeText(download, finished),
    active,
    speed: active ? formatSpeed(download.downloadSpeedBytesPerSec) : '–',
    peers: active || finished ? String(download.peers) : '–',
    eta: active ? formatEta(download.etaSec) : '–',
    canPause: download.state === 'queued' || download.state === 'downloading',
    canResume: download.state === 'paused' || download.state === 'error',
    errorMessage: download.state === 'error' ? (download.error?.message ?? 'The download stopped with an unknown error.') : null,
    libraryItemId: finished && catalogIds.has(itemId) ? itemId : null
  }
}

function displayName (download: DownloadView): string {
  const name = download.name === null ? '' : safeDisplayName(download.name, '')
  return name !== '' ? name : `Torrent ${download.infoHash.slice(0, 12)}…`
}

function sizeText (download: DownloadView, finished: boolean): string {
  if (download.totalBytes === null) return 'Size not known yet'
  if (finished) return formatBytes(download.totalBytes)
  return `${formatBytes(download.downloadedBytes)} of ${formatBytes(download.totalBytes)}`
}
