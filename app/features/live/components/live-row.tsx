/**
 * The Live row on the home page: one tile per channel with a still of its newest segment
 * (taken by the home server, renewed every few seconds), its name and state. Absent when the
 * home server has no channels. Test hooks: `live-row`, `live-channel` (`data-channel-id`,
 * `data-state`).
 */
import type { MouseEvent } from 'react'
import { LIVE_STILL, liveFilePath, type LiveChannel } from '../../../../protocol/api/live.ts'
import { useCredential } from '../../../lib/household/use-credential.ts'
import { TEST_IDS } from '../../../test-ids.ts'
import { liveStateLabel } from '../live-state-label.ts'
import { useLiveChannels } from '../use-live-channels.ts'

const LIST_POLL_MS = 5000
/** How often a tile asks for a new still (the seed node makes one at most every 10 s). */
const STILL_REFRESH_MS = 10 * 1000

export function LiveRow ({ onOpen, channelPath }: { onOpen: (channelId: string) => void, channelPath: (channelId: string) => string }) {
  const { channels } = useLiveChannels(LIST_POLL_MS)
  const credential = useCredential()
  if (channels === null || channels.length === 0) return null
  const stamp = Math.floor(Date.now() / STILL_REFRESH_MS)
  return (
    <section className='continue live-row' aria-labelledby='live-title' data-testid={TEST_IDS.liveRow}>
      <h2 id='live-title' className='continue__title'>Live</h2>
      <ul className='continue__list'>
        {channels.map(channel => {
          const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
            event.preventDefault()
            onOpen(channel.id)
          }
          return (
            <li key={channel.id} className='continue__item'>
              <a className='continue__link' href={channelPath(channel.id)} onClick={onClick} data-testid={TEST_IDS.liveChannel} data-channel-id={channel.id} data-state={channel.state}>
                <div className='continue__poster'>
                  {typeof credential === 'string' && channel.state === 'online' && <StillImage channel={channel} src={`${liveFilePath(credential, channel.id, LIVE_STILL)}?t=${stamp}`} />}
                  <span className={`live-badge live-badge--${channel.state} live-row__badge`}>{liveStateLabel(channel)}</span>
                </div>
                <div className='continue__body'>
                  <h3 className='continue__name'>{channel.name}</h3>
                </div>
              </a>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

function StillImage ({ channel, src }: { channel: LiveChannel, src: string }) {
  return <img className='live-row__still' src={src} alt={`Latest picture from ${channel.name}`} />
}
