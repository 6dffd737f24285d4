/**
 * How a channel's state shows, the same on the household's channel screen and on a friend's
 * page: the badge beside its name, and the overlay over the picture while it is not online.
 */
import type { LiveChannel } from '../../../../protocol/api/live.ts'
import { TEST_IDS } from '../../../test-ids.ts'
import { liveStateLabel, offlineExplanation } from '../live-state-label.ts'

export function LiveStateBadge ({ channel }: { channel: LiveChannel }) {
  return <span className={`live-badge live-badge--${channel.state}`} data-testid={TEST_IDS.liveState} data-state={channel.state}>{liveStateLabel(channel)}</span>
}

export function OfflineOverlay ({ channel }: { channel: LiveChannel }) {
  return (
    <div className='player__overlay player__overlay--error' role='status' data-testid={TEST_IDS.liveOffline}>
      <p className='player__overlay-title'>{liveStateLabel(channel)}</p>
      <p className='player__overlay-text'>{offlineExplanation(channel)}</p>
    </div>
  )
}
