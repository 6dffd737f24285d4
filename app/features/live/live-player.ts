/**
 * Plays a live channel's fMP4 HLS in a `<video>`: hls.js (its light build, the same lazy chunk
 * the editions use: a live channel has one video and one audio track) where the browser has
 * Media Source Extensions; Safari's native HLS otherwise. The token rides in the URL path
 * (protocol/api/live.ts), so neither needs headers. Settings and why: live-hls-config.ts.
 */
import { announceUrls } from '../../../protocol/announce-url.ts'
import { LIVE_HLS_CONFIG, liveP2pCoreConfig, liveP2pHlsConfig, liveP2pHoldSec } from './live-hls-config.ts'

export interface LivePlayback {
  /** Wall time of the picture on screen (the segment's program date time), in ms; null when unknown. */
  playingDateMs: () => number | null
  /** Seconds between the playhead and the newest picture the playlist offers; null when unknown. */
  behindLiveSec: () => number | null
  jumpToLive: () => void
  /** Seconds that can be rewound to, as [start, end] of the seekable range; null when unknown. */
  window: () => [number, number] | null
  /** Bytes of segments this player got, by where from, and gave to other viewers. */
  transfer: () => LiveTransfer
  destroy: () => void
}

export interface LiveTransfer {
  /** Whether this player shares segments peer to peer at all. */
  p2p: boolean
  httpBytes: number
  peerBytes: number
  uploadedBytes: number
  peers: number
}

/** What the player needs to know of the channel: where its playlist is, and whether and how it is shared. */
export interface LiveSourceOptions {
  playlistUrl: string
  /** Share peer to peer, announcing with this token to the household tracker; null for HTTP only. */
  p2p: { credential: string, channelId: string, segmentSec: number } | null
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
    transfer: () => ({ p2p: false, httpBytes: 0, peerBytes: 0, uploadedBytes: 0, peers: 0 }),
    destroy: () => { element.removeAttribute('src'); element.load() }
  }
}

export async function attachLive (element: HTMLVideoElement, source: LiveSourceOptions, onFatal: (message: string) => void): Promise<LivePlayback> {
  const { default: Hls } = await import('hls.js/light')
  if (!Hls.isSupported()) {
    if (element.canPlayType('application/vnd.apple.mpegurl') !== '') return attachNative(element, source.playlistUrl)
    throw new Error('This browser cannot play live channels (it has neither Media Source Extensions nor HLS).')
  }
  const transfer: LiveTransfer = { p2p: source.p2p !== null, httpBytes: 0, peerBytes: 0, uploadedBytes: 0, peers: 0 }
  let hls: InstanceType<typeof Hls>
  if (source.p2p === null) {
    hls = new Hls({ ...LIVE_HLS_CONFIG })
  } else {
    const { HlsJsP2PEngine } = await import('p2p-media-loader-hlsjs')
    const HlsWithP2P = HlsJsP2PEngine.injectMixin(Hls)
    const announce = announceUrls(window.location.origin, source.p2p.credential).webSocket
    const shared = new HlsWithP2P({
      ...liveP2pHlsConfig(liveP2pHoldSec(source.p2p.segmentSec, Math.random())),
      p2p: { core: liveP2pCoreConfig(announce, source.p2p.channelId, source.p2p.segmentSec) }
    })
    shared.p2pEngine.addEventListener('onChunkDownloaded', (bytes, from) => {
      if (from === 'p2p') transfer.peerBytes += bytes
      else transfer.httpBytes += bytes
    })
    shared.p2pEngine.addEventListener('onChunkUploaded', bytes => { transfer.uploadedBytes += bytes })
    shared.p2pEngine.addEventListener('onPeerConnect', () => { transfer.peers++ })
    shared.p2pEngine.addEventListener('onPeerClose', () => { transfer.peers = Math.max(0, transfer.peers - 1) })
    hls = shared
  }
  hls.on(Hls.Events.ERROR, (_event, data) => {
    if (!data.fatal) return
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR) return hls.recoverMediaError()
    onFatal(data.type === Hls.ErrorTypes.NETWORK_ERROR ? 'The home server stopped sending this channel.' : `This channel could not be played (${data.details}).`)
  })
  if (source.p2p === null) {
    hls.on(Hls.Events.FRAG_LOADED, (_event, data) => { transfer.httpBytes += data.payload.byteLength })
  }
  hls.loadSource(source.playlistUrl)
  hls.attachMedia(element)
  return {
    playingDateMs: () => hls.playingDate?.getTime() ?? null,
    behindLiveSec: () => {
      const range = seekableOf(element)
      const newest = range?.[1] ?? hls.liveSyncPosition
      return newest === null || newest === undefined ? null : Math.max(0, newest - element.currentTime)
    },
    jumpToLive: () => {
      const edge = hls.liveSyncPosition
      if (edge !== null) element.currentTime = edge
      void element.play().catch(() => {})
    },
    window: () => seekableOf(element),
    transfer: () => ({ ...transfer }),
    destroy: () => hls.destroy()
  }
}
