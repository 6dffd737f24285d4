import type { DownloadView } from '../../../../protocol/api/downloads.ts'

export const HASH = '0123456789abcdef0123456789abcdef01234567'

export function download (overrides: Partial<DownloadView> = {}): DownloadView {
  return {
    infoHash: HASH,
    name: 'Big Buck Bunny',
    state: 'downloading',
    progress: 0.25,
    totalBytes: 400_000_000,
    downloadedBytes: 100_000_000,
    downloadSpeedBytesPerSec: 2_500_000,
    uploadSpeedBytesPerSec: 0,
    peers: 3,
    etaSec: 120,
    error: null,
    itemId: null,
    addedAt: '2026-01-01T00:00:00.000Z',
    completedAt: null,
    ...overrides
  }
}
