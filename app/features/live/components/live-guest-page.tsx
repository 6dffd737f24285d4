/**
 * A friend's page for one shared live channel (`/shared/channel/<id>#token=…`, opened from a
 * link made with "Share" on the channel's screen): plays it without pairing, with its name,
 * the latency and its offline state, and says so plainly when the link was turned off ("Stop
 * sharing") or the channel no longer exists. A guest plays from the home server over HTTP
 * and never joins the household's peer-to-peer swarm (README "Live channels").
 * Test hooks: `live-guest`, `player-video`, `live-state`, `live-latency`, `live-offline`,
 * `live-guest-ended` (`data-reason`).
 */
import { useRef } from 'react'
import { TEST_IDS } from '../../../test-ids.ts'
import { LiveStateBadge, OfflineOverlay } from './live-status.tsx'
import { useGuestChannel } from '../use-guest-channel.ts'
import { useLivePlayback } from '../use-live-playback.ts'

/** The channel's state is asked this often: offline shows within about this bound. */
const STATE_POLL_MS = 2000

const ENDED_TEXT = {
  revoked: { title: 'This link no longer works', text: 'Whoever shared this channel has stopped sharing it (“Stop sharing”), or the link was made for another channel. Ask them for a new link.' },
  gone: { title: 'This channel no longer exists', text: 'The home server has no live channel at this address any more (renamed or removed). Ask whoever shared it for a new link.' },
  malformed: { title: 'This link is incomplete', text: 'The link has no valid share key after “#token=”: it was probably cut short when copied. Copy the whole link again.' }
} as const

export function LiveGuestPage ({ channelId, token }: { channelId: string, token: string | null }) {
  if (token === null) return <EndedNotice channelId={channelId} reason='malformed' />
  return <GuestPlayer channelId={channelId} token={token} />
}

function GuestPlayer ({ channelId, token }: { channelId: string, token: string }) {
  const state = useGuestChannel(channelId, token, STATE_POLL_MS)
  const channel = state.status === 'ready' ? state.channel : null
  const video = useRef<HTMLVideoElement>(null)
  // Guests never share peer to peer: the share token admits this channel's files, not the household's swarm.
  const { readout } = useLivePlayback(channel, token, video, false)
  if (state.status === 'ended') return <EndedNotice channelId={channelId} reason={state.reason} />
  return (
    <main className='player live-player' data-testid={TEST_IDS.liveGuest} data-channel-id={channelId}>
      <div className='player__stage'>
        {/* Muted: a link opened from a chat app comes with no click on this page, and browsers only autoplay silent video then. */}
        <video ref={video} className='player__video' data-testid={TEST_IDS.playerVideo} controls autoPlay muted playsInline />
        {channel !== null && channel.state !== 'online' && <OfflineOverlay channel={channel} />}
        {state.status === 'loading' && <div className='player__overlay' role='status'><p className='player__overlay-title'>Opening the channel…</p></div>}
      </div>
      <section className='player__info'>
        <h1 className='player__title'>{channel?.name ?? 'Shared live channel'} {channel !== null && <LiveStateBadge channel={channel} />}</h1>
        {state.status === 'error' && <p className='player__note' role='alert'>{state.message}</p>}
        {state.status === 'ready' && state.error !== null && <p className='player__note' role='alert'>{state.error}</p>}
        {readout.error !== null && <p className='player__note'>{readout.error}</p>}
        <p className='live-player__latency'>Latency <strong data-testid={TEST_IDS.liveLatency} data-seconds={readout.latencySec?.toFixed(2) ?? ''}>{readout.latencySec === null ? '–' : `${readout.latencySec.toFixed(1)} s`}</strong></p>
        <p className='player__details'>Shared with you from someone's home server: you can watch this channel, and nothing else of theirs.</p>
      </section>
    </main>
  )
}

function EndedNotice ({ channelId, reason }: { channelId: string, reason: keyof typeof ENDED_TEXT }) {
  const { title, text } = ENDED_TEXT[reason]
  return (
    <main className='status status--error' role='alert' data-testid={TEST_IDS.liveGuestEnded} data-reason={reason} data-channel-id={channelId}>
      <h1 className='status__title'>{title}</h1>
      <p className='status__text'>{text}</p>
    </main>
  )
}
