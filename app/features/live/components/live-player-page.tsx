/**
 * A live channel's screen: the picture, its latency (capture to screen), "Jump to live" when
 * the viewer is behind (paused, rewound), a DVR slider over the window the seed node keeps,
 * and the channel's offline state, which clears by itself when the source comes back.
 * "Share" makes a friend's link to the channel (live-share-button.tsx).
 * Test hooks: `live-player`, `live-share`, `player-video`, `live-state`, `live-latency`, `live-jump`,
 * `live-offline`, `live-dvr`.
 */
import { useRef } from 'react'
import { useCredential } from '../../../lib/household/use-credential.ts'
import { TEST_IDS } from '../../../test-ids.ts'
import { LIVE_P2P_SYNC_SEGMENTS, LIVE_SYNC_SEGMENTS, offerJumpToLive } from '../live-hls-config.ts'
import { LiveStateBadge, OfflineOverlay } from './live-status.tsx'
import { useLiveChannels } from '../use-live-channels.ts'
import { useLivePlayback } from '../use-live-playback.ts'
import type { LiveTransfer } from '../live-player.ts'
import { formatBytes } from '../../../lib/format/format-bytes.ts'
import { ObsSettingsPanel } from './obs-settings.tsx'
import { LiveShareButton } from './live-share-button.tsx'

/** The player asks for the channel's state this often: offline shows within about this bound. */
const STATE_POLL_MS = 1500
const REWIND_STEP_SEC = 10

export function LivePlayerPage ({ channelId, onBack }: { channelId: string, onBack: () => void }) {
  const { channels, error } = useLiveChannels(STATE_POLL_MS)
  const channel = channels?.find(candidate => candidate.id === channelId) ?? null
  const credential = useCredential()
  const video = useRef<HTMLVideoElement>(null)
  const { readout, playback } = useLivePlayback(channel, credential, video)
  const seek = (toSec: number): void => { if (video.current !== null) video.current.currentTime = toSec }
  return (
    <main className='player live-player' data-testid={TEST_IDS.livePlayer}>
      <nav className='player__nav'>
        <button type='button' className='button button--ghost' onClick={onBack}>← Library</button>
        {channel !== null && <LiveShareButton channelId={channel.id} name={channel.name} />}
      </nav>
      <div className='player__stage'>
        <video ref={video} className='player__video' data-testid={TEST_IDS.playerVideo} controls autoPlay playsInline />
        {channel !== null && channel.state !== 'online' && <OfflineOverlay channel={channel} />}
        {channels !== null && channel === null && (
          <div className='player__overlay player__overlay--error'><p className='player__overlay-title'>No such channel</p><p className='player__overlay-text'>The home server has no live channel with this address (renamed or removed?).</p></div>
        )}
      </div>
      <section className='player__info'>
        <h1 className='player__title'>{channel?.name ?? 'Live channel'} {channel !== null && <LiveStateBadge channel={channel} />}</h1>
        {readout.error !== null && <p className='player__note'>{readout.error}</p>}
        {error !== null && <p className='player__note'>{error}</p>}
        <div className='live-player__controls'>
          <p className='live-player__latency'>Latency <strong data-testid={TEST_IDS.liveLatency} data-seconds={readout.latencySec?.toFixed(2) ?? ''}>{readout.latencySec === null ? '–' : `${readout.latencySec.toFixed(1)} s`}</strong></p>
          {readout.window !== null && (
            <label className='live-player__dvr'>
              <span>Rewind</span>
              <input type='range' data-testid={TEST_IDS.liveDvr} min={readout.window[0]} max={readout.window[1]} step={0.5} value={Math.min(readout.window[1], Math.max(readout.window[0], video.current?.currentTime ?? readout.window[1]))} onChange={event => seek(Number(event.target.value))} />
            </label>
          )}
          <button type='button' className='button button--ghost' onClick={() => seek(Math.max(readout.window?.[0] ?? 0, (video.current?.currentTime ?? 0) - REWIND_STEP_SEC))} disabled={readout.window === null}>−{REWIND_STEP_SEC} s</button>
          {offerJumpToLive(readout.behindLiveSec, channel?.segmentSec ?? 1, channel?.p2p === true ? LIVE_P2P_SYNC_SEGMENTS : LIVE_SYNC_SEGMENTS) && (
            <button type='button' className='button' data-testid={TEST_IDS.liveJump} onClick={() => playback.current?.jumpToLive()}>Jump to live</button>
          )}
        </div>
        {readout.transfer !== null && <TransferLine transfer={readout.transfer} />}
        {channel?.obs != null && <ObsSettingsPanel channel={channel} obs={channel.obs} />}
        {channel !== null && <p className='player__details'>Rewind up to {Math.round(channel.windowSec / 60) >= 2 ? `${Math.round(channel.windowSec / 60)} minutes` : `${channel.windowSec} seconds`}</p>}
      </section>
    </main>
  )
}

/** How much of the picture came from other viewers (peer to peer) and from the home server. */
function TransferLine ({ transfer }: { transfer: LiveTransfer }) {
  const total = transfer.httpBytes + transfer.peerBytes
  const share = total === 0 ? 0 : Math.round(100 * transfer.peerBytes / total)
  return (
    <p className='player__details' data-testid={TEST_IDS.livePeerBytes} data-peer-bytes={transfer.peerBytes} data-http-bytes={transfer.httpBytes} data-peers={transfer.peers}>
      {transfer.p2p
        ? `From other viewers: ${formatBytes(transfer.peerBytes)} (${share} %) · from the home server: ${formatBytes(transfer.httpBytes)} · shared: ${formatBytes(transfer.uploadedBytes)} · ${transfer.peers === 1 ? '1 viewer' : `${transfer.peers} viewers`} connected`
        : `From the home server: ${formatBytes(transfer.httpBytes)} (not shared between viewers)`}
    </p>
  )
}
