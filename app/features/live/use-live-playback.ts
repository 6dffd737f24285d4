/**
 * Attaches a live channel to the `<video>` while the channel is online, and detaches it when
 * it goes offline; every return to online attaches again from the new ring (ffmpeg restarts
 * with new segment names and a new init segment, which a fresh player reads cleanly). Reads
 * the latency and the distance behind live twice a second for the screen. `token` is the
 * household credential, or a friend's share token for this channel (the guest page), which
 * never joins the household's swarm: `shareP2p` is false there.
 */
import { useEffect, useRef, useState, type RefObject } from 'react'
import { LIVE_PLAYLIST, LIVE_VIEWER_PARAM, liveFilePath, type LiveChannel } from '../../../protocol/api/live.ts'
import { latencySec } from './live-hls-config.ts'
import type { LivePlayback, LiveTransfer } from './live-player.ts'

const READ_INTERVAL_MS = 500

export interface LiveReadout {
  latencySec: number | null
  behindLiveSec: number | null
  /** The rewindable range of the `<video>`'s timeline, [start, end] in seconds. */
  window: [number, number] | null
  /** Why playback failed in this browser, when it did. */
  error: string | null
  transfer: LiveTransfer | null
}

/** This player's name in its playlist URL, so the seed node counts players rather than addresses (`/api/status`). */
function playerName (): string {
  return crypto.randomUUID().replaceAll('-', '')
}

export function useLivePlayback (channel: LiveChannel | null, credential: string | null | undefined, video: RefObject<HTMLVideoElement | null>, shareP2p = true): { readout: LiveReadout, playback: RefObject<LivePlayback | null> } {
  const playback = useRef<LivePlayback | null>(null)
  const [readout, setReadout] = useState<LiveReadout>({ latencySec: null, behindLiveSec: null, window: null, error: null, transfer: null })
  const online = channel?.state === 'online'
  const id = channel?.id ?? null
  const p2p = shareP2p && (channel?.p2p ?? false)
  const segmentSec = channel?.segmentSec ?? 1
  useEffect(() => {
    const element = video.current
    if (!online || id === null || typeof credential !== 'string' || element === null) return
    let cancelled = false
    const fail = (message: string): void => { if (!cancelled) setReadout(previous => ({ ...previous, error: message })) }
    setReadout({ latencySec: null, behindLiveSec: null, window: null, error: null, transfer: null })
    import('./live-player.ts')
      .then(async ({ attachLive }) => await attachLive(element, {
        playlistUrl: `${liveFilePath(credential, id, LIVE_PLAYLIST)}?${LIVE_VIEWER_PARAM}=${playerName()}`,
        p2p: p2p ? { credential, channelId: id, segmentSec } : null
      }, fail))
      .then(attached => {
        if (cancelled) return attached.destroy()
        playback.current = attached
      }, (err: unknown) => fail(err instanceof Error ? err.message : String(err)))
    const timer = setInterval(() => {
      const current = playback.current
      if (current === null) return
      setReadout(previous => ({ ...previous, latencySec: latencySec(current.playingDateMs(), Date.now()), behindLiveSec: current.behindLiveSec(), window: current.window(), transfer: current.transfer() }))
    }, READ_INTERVAL_MS)
    return () => {
      cancelled = true
      clearInterval(timer)
      playback.current?.destroy()
      playback.current = null
    }
  }, [online, id, p2p, segmentSec, credential, video])
  return { readout, playback }
}
