/** A live channel's screen, and a friend's page for a shared one, loaded as their own chunk (hls.js comes with it) on first use. */
import { lazy, Suspense } from 'react'
import { parseLiveShareFragment } from '../../protocol/live-share-link.ts'
import { StatusMessage } from '../components/status-message.tsx'

const LiveGuestPage = lazy(async () => await import('../features/live/components/live-guest-page.tsx').then(module => ({ default: module.LiveGuestPage })))
const LivePlayerPage = lazy(async () => await import('../features/live/components/live-player-page.tsx').then(module => ({ default: module.LivePlayerPage })))

export function LiveScreen ({ channelId, onBack }: { channelId: string, onBack: () => void }) {
  return (
    <Suspense fallback={<StatusMessage tone='loading' title='Opening the channel…' />}>
      <LivePlayerPage key={channelId} channelId={channelId} onBack={onBack} />
    </Suspense>
  )
}

/** A friend's page for a shared channel: no pairing; the share token comes from the link's fragment. */
export function LiveGuestScreen ({ channelId }: { channelId: string }) {
  const token = parseLiveShareFragment(window.location.hash)
  return (
    <Suspense fallback={<StatusMessage tone='loading' title='Opening the channel…' />}>
      <LiveGuestPage key={channelId} channelId={channelId} token={token} />
    </Suspense>
  )
}
