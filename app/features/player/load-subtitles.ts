/**
 * Turns the catalog's subtitle tracks into `<track>` sources. Tracks of a library item are
 * served by the seed node as WebVTT in UTF-8 (`track.url`, charset and format already dealt
 * with there): fetched with the household credential, since `<track>` cannot send one, and
 * handed over as blob URLs (revoked by the caller). Tracks inside a foreign torrent are read
 * through the service worker; SubRip is converted with `srtToVtt`. A missing or broken
 * subtitle is a warning, never a reason to stop playback.
 */
import type { WebTorrentTorrent } from 'webtorrent/dist/webtorrent.min.js'
import type { SubtitleTrack } from '../../../protocol/catalog.ts'
import { findTorrentFile } from '../../lib/torrent/find-media-file.ts'
import { currentCredential } from '../../lib/household/household-credential.ts'
import { srtToVtt } from '../../../protocol/subtitles/srt-to-vtt.ts'

export interface SubtitleSource {
  src: string
  language: string
  label: string
  forced: boolean
  sdh: boolean
  /** The file is named as the default track. */
  namedDefault: boolean
  /** True when `src` is a blob URL the caller must revoke. */
  ownsUrl: boolean
}

/** Subtitles inside a large file take the home server minutes to extract the first time: it answers 503 meanwhile. */
const BUSY_RETRY_MS = 5 * 1000
const BUSY_MAX_TRIES = 180

async function fetchText (url: string, headers: Record<string, string> = {}): Promise<string> {
  for (let tries = 1; ; tries++) {
    const response = await fetch(url, { headers })
    if (response.ok) return await response.text()
    const busy = response.status === 503 && (await response.text()).includes('HEARTH_E_BUSY')
    if (!busy || tries >= BUSY_MAX_TRIES) throw new Error(`HTTP ${response.status}`)
    await new Promise(resolve => setTimeout(resolve, BUSY_RETRY_MS))
  }
}

async function loadOne (torrent: WebTorrentTorrent | null, track: SubtitleTrack): Promise<SubtitleSource | null> {
  const common = { language: track.language, label: track.label, forced: track.forced === true, sdh: track.sdh === true, namedDefault: track.default === true }
  if (track.url !== undefined) {
    const credential = await currentCredential()
    const vtt = await fetchText(track.url, credential === null ? {} : { authorization: `Bearer ${credential}` })
    return { ...common, src: URL.createObjectURL(new Blob([vtt], { type: 'text/vtt' })), ownsUrl: true }
  }
  const file = torrent === null ? undefined : findTorrentFile(torrent.files, track.path)
  if (!file) {
    console.warn(`[hearth] subtitle ${track.path} is not in torrent ${torrent?.infoHash ?? '(none)'}`)
    return null
  }
  if (track.format === 'vtt') return { ...common, src: file.streamURL, ownsUrl: false }
  if (track.format !== 'srt') return null
  const vtt = srtToVtt(await fetchText(file.streamURL))
  return { ...common, src: URL.createObjectURL(new Blob([vtt], { type: 'text/vtt' })), ownsUrl: true }
}

/** `torrent`: the one the media streams from (for tracks inside a foreign torrent), or null when it plays through an edition. */
export async function loadSubtitles (torrent: WebTorrentTorrent | null, tracks: readonly SubtitleTrack[]): Promise<SubtitleSource[]> {
  const sources = await Promise.all(tracks.map(async track => {
    try {
      return await loadOne(torrent, track)
    } catch (err) {
      console.warn(`[hearth] subtitle ${track.path} could not be loaded`, err)
      return null
    }
  }))
  return sources.filter((source): source is SubtitleSource => source !== null)
}
