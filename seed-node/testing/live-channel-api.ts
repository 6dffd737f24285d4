/** A live channel as `GET /api/live` lists it now, for process tests and e2e specs. */
import { LiveListReply, type LiveChannel } from '../../protocol/api/live.ts'
import { api, type ApiTarget } from './seed-node-api.ts'

/** The channel called `name`, or the first one listed when no name is given; throws when there is none. */
export async function liveChannel (target: ApiTarget, name?: string): Promise<LiveChannel> {
  const { channels } = LiveListReply.parse((await api(target, 'GET', '/api/live')).json)
  const channel = name === undefined ? channels[0] : channels.find(candidate => candidate.name === name)
  if (channel === undefined) throw new Error(name === undefined ? 'no live channel is listed' : `no live channel named ${name}`)
  return channel
}
