/** Words for a download's state, as the queue shows them. */
import type { DownloadView } from '../../../protocol/api/downloads.ts'

const LABELS: Record<DownloadView['state'], string> = {
  queued: 'Queued',
  downloading: 'Downloading',
  paused: 'Paused',
  seeding: 'Complete · seeding',
  completed: 'Complete',
  error: 'Error'
}

/** `Downloading`, or `Fetching details` while a magnet's metadata has not arrived yet. */
export function downloadStateLabel (download: Pick<DownloadView, 'state' | 'totalBytes'>): string {
  if (download.state === 'downloading' && download.totalBytes === null) return 'Fetching details'
  return LABELS[download.state]
}

/** Finished downloads: in the library (when playable) and seeded. */
export function isFinished (state: DownloadView['state']): boolean {
  return state === 'seeding' || state === 'completed'
}
