/** React binding for `seeded-files.ts`, and a once-a-second sample of a seeding torrent. */
import { useEffect, useState, useSyncExternalStore } from 'react'
import type { WebTorrentTorrent } from 'webtorrent/dist/webtorrent.min.js'
import { seededFilesSnapshot, subscribeSeededFiles, type SeededFile } from './seeded-files.ts'

const SEED_STATS_INTERVAL_MS = 1000

export function useSeededFiles (): readonly SeededFile[] {
  return useSyncExternalStore(subscribeSeededFiles, seededFilesSnapshot)
}

export interface SeedStats {
  peers: number
  uploadedBytes: number
  uploadBytesPerSec: number
}

export function useSeedStats (torrent: WebTorrentTorrent | null): SeedStats {
  const [stats, setStats] = useState<SeedStats>({ peers: 0, uploadedBytes: 0, uploadBytesPerSec: 0 })
  useEffect(() => {
    if (!torrent) return
    const sample = (): void => setStats({ peers: torrent.numPeers, uploadedBytes: torrent.uploaded, uploadBytesPerSec: torrent.uploadSpeed })
    sample()
    const timer = setInterval(sample, SEED_STATS_INTERVAL_MS)
    return () => clearInterval(timer)
  }, [torrent])
  return stats
}
