/**
 * Turns the catalog's subtitle tracks (files inside the item's torrent) into `<track>` sources.
 * WebVTT is streamed as is through the service worker; SubRip is fetched the same way,
 * converted with `srtToVtt` and handed over as a blob URL (revoked by the caller).
 * A missing or broken subtitle is a warning, never a reason to stop playback.
 */
import type { WebTorrentTorrent } from 'webtorrent/dist/webtorrent.min.js'
import type { SubtitleTrack } from '../../../protocol/catalog.ts'
import { findTorrentFile } from '../../lib/torrent/find-media-file.ts'
import { srtToVtt } from './srt-to-vtt.ts'

export interface SubtitleSource {
  src: string
  language: string
  label: string
  /** True when `src` is a blob URL the caller must revoke. */
  ownsUrl: boolean
}

export async function loadSubtitles (torrent: WebTorrentTorrent, tracks: readonly SubtitleTrack[]): Promise<SubtitleSource[]> {
  const sources = await Promise.all(tracks.map(async (track): Promise<SubtitleSource | null> => {
    const file = findTorrentFile(torrent.files, track.path)
    if (!file) {
      console.warn(`[hearth] subtitle ${track.path} is not in torrent ${torrent.infoHash}`)
      return null
    }
    if (track.format === 'vtt') return { src: file.streamURL, language: track.language, label: track.label, ownsUrl: false }
    try {
      const response = await fetch(file.streamURL)
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      const vtt = srtToVtt(await response.text())
      const src = URL.createObjectURL(new Blob([vtt], { type: 'text/vtt' }))
      return { src, language: track.language, label: track.label, ownsUrl: true }
    } catch (err) {
      console.warn(`[hearth] subtitle ${track.path} could not be loaded`, err)
      return null
    }
  }))
  return sources.filter((source): source is SubtitleSource => source !== null)
}
