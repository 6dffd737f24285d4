/**
 * The live channel a spec plays: waits until the seed node lists its first channel as online
 * (ffmpeg has written segments), on loopback (`api`) or across the test LAN (`lanApi`).
 */
import { expect } from '@playwright/test'
import { LiveListReply, type LiveChannel } from '../../protocol/api/live.ts'

/** `list` answers `GET /api/live`'s JSON body. */
export async function firstOnlineChannel (list: () => Promise<unknown>): Promise<LiveChannel> {
  const first = async (): Promise<LiveChannel | undefined> => LiveListReply.parse(await list()).channels[0]
  await expect.poll(async () => (await first())?.state, { timeout: 60 * 1000, message: 'the channel should come online' }).toBe('online')
  const channel = await first()
  if (channel === undefined) throw new Error('no channel')
  return channel
}
