/**
 * Plays a live channel's fMP4 HLS in a `<video>`: hls.js (its light build, the same lazy chunk
 * the editions use: a live channel has one video and one audio track) where the browser has
 * Media Source Extensions; Safari's native HLS otherwise. The token rides in the URL path
 * (protocol/api/live.ts), so neither needs headers. Settings and why: live-hls-config.ts.
 */
import { LIVE_HLS_CONFIG } from './live-hls-config.ts'

export interface LivePlayback {
  /** Wall time of the picture on screen (the segment's program date time), in ms; null when unknown. */
  playingDateMs: () => number | null
  /** Seconds between the playhead and the newest picture the playlist offers; null when unknown. */
  behindLiveSec: () => number | null
  jumpToLive: () => void
  /** Seconds that can be rewound to, as [start, end] of the seekable range; null when unknown. */
  window: () => [number, number] | null
  destroy: () => void
}

function seekableOf (element: HTMLVideoElement): [number, number] | null {
  const ranges = element.seekable
  return ranges.length === 0 ? null : [ranges.start(0), ranges.end(ranges.length - 1)]
}

/** Native HLS (Safari, iOS): the browser does the live edge itself. */
function attachNative (element: HTMLVideoElement, playlistUrl: string): LivePlayback {
  element.src = playlistUrl
  const playing = (): number | null => {
    const date = (element as HTMLVideoElement & { getStartDate?: () => Date }).getStartDate?.()
    const ms = date?.getTime()
    return ms === undefined || Number.isNaN(ms) ? null : ms + element.currentTime * 1000
  }
  return {
    playingDateMs: playing,
    behindLiveSec: () => { const range = seekableOf(element); return range === null ? null : Math.max(0, range[1] - element.currentTime) },
    jumpToLive: () => { const range = seekableOf(element); if (range !== null) element.currentTime = range[1] },
    window: () => seekableOf(element),
    destroy: () => { element.removeAttribute('src'); element.load() }
  }
}

export async function attachLive (element: HTMLVideoElement, playlistUrl: string, onFatal: (message: string) => void): Promise<LivePlayback> {
  const { default: Hls } = await import('hls.js/light')
  if (!Hls.isSupported()) {
    if (element.canPlayType('application/vnd.apple.mpegurl') !== '') return attachNative(element, playlistUrl)
    throw new Error('This browser cannot play live channels (it has neither Media Source Extensions nor HLS).')
  }
  const hls = new Hls({ ...LIVE_HLS_CONFIG })
  hls.on(Hls.Events.ERROR, (_event, data) => {
    if (!data.fatal) return
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR) return hls.recoverMediaError()
    onFatal(data.type === Hls.ErrorTypes.NETWORK_ERROR ? 'The home server stopped sending this channel.' : `This channel could not be played (${data.details}).`)
  })
  hls.loadSource(playlistUrl)
  hls.attachMedia(element)
  return {
    playingDateMs: () => hls.playingDate?.getTime() ?? null,
    behindLiveSec: () => {
      const edge = hls.liveSyncPosition
      const range = seekableOf(element)
      const newest = range?.[1] ?? edge
      return newest === null || newest === undefined ? null : Math.max(0, newest - element.currentTime)
    },
    jumpToLive: () => {
      const edge = hls.liveSyncPosition
      if (edge !== null) element.currentTime = edge
      void element.play().catch(() => {})
    },
    window: () => seekableOf(element),
    destroy: () => hls.destroy()
  }
}
