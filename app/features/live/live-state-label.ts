/** A channel's state in words, for the Live row and the player. */
import type { LiveChannel } from '../../../protocol/api/live.ts'

export function liveStateLabel (channel: Pick<LiveChannel, 'state'>): string {
  switch (channel.state) {
    case 'online': return 'Live'
    case 'starting': return 'Starting…'
    case 'offline': return 'Offline'
  }
}

/** Why a channel is offline, and that it comes back by itself. */
export function offlineExplanation (channel: Pick<LiveChannel, 'state' | 'reason' | 'obs'>): string {
  if (channel.state === 'starting') return 'The home server is starting this channel.'
  if (channel.obs != null) return `Waiting for OBS${channel.reason === null ? '' : ` (${channel.reason})`}. Start streaming in OBS with the settings below; the picture comes up by itself.`
  const why = channel.reason === null ? '' : ` (${channel.reason})`
  return `The camera or stream can't be read right now${why}. The home server keeps trying, and the picture comes back by itself.`
}
