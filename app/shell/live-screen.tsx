/** A live channel's screen, loaded as its own chunk (hls.js comes with it) on first use. */
import { lazy, Suspense } from 'react'
import { StatusMessage } from '../components/status-message.tsx'

const LivePlayerPage = lazy(async () => await import('../features/live/components/live-player-page.tsx').then(module => ({ default: module.LivePlayerPage })))

export function LiveScreen ({ channelId, onBack }: { channelId: string, onBack: () => void }) {
  return (
    <Suspense fallback={<StatusMessage tone='loading' title='Opening the channel…' />}>
      <LivePlayerPage key={channelId} channelId={channelId} onBack={onBack} />
    </Suspense>
  )
}
