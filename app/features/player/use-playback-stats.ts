/** Samples the torrent and the `<video>` once a second for the stats bar. */
import { useEffect, useState, type RefObject } from 'react'
import type { WebTorrentTorrent } from 'webtorrent/dist/webtorrent.min.js'
import { bufferedAheadSec } from './buffered-ahead.ts'

const STATS_INTERVAL_MS = 1000

export interface PlaybackStats {
  peers: number
  downloadBytesPerSec: number
  bufferedAheadSec: number
  progress: number
}

const EMPTY_STATS: PlaybackStats = { peers: 0, downloadBytesPerSec: 0, bufferedAheadSec: 0, progress: 0 }

export function usePlaybackStats (torrent: WebTorrentTorrent | null, video: RefObject<HTMLVideoElement | null>): PlaybackStats {
  const [stats, setStats] = useState<PlaybackStats>(EMPTY_STATS)
  useEffect(() => {
    if (!torrent) {
      setStats(EMPTY_STATS)
      return
    }
    const sample = (): void => {
      const element = video.current
      setStats({
        peers: torrent.numPeers,
        downloadBytesPerSec: torrent.downloadSpeed,
        bufferedAheadSec: element ? bufferedAheadSec(element.buffered, element.currentTime) : 0,
        progress: torrent.progress
      })
    }
    sample()
    const timer = setInterval(sample, STATS_INTERVAL_MS)
    return () => clearInterval(timer)
  }, [torrent, video])
  return stats
}
