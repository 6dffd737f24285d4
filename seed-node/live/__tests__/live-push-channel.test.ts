/**
 * A push channel's supervisor with its real parts (the inlet, a publisher's feed, the ring,
 * ffmpeg) but no RTMP socket, so a publisher's messages arrive exactly when the test says:
 * what a refused stream leaves shown, and a close() that lands while the first video is
 * awaited.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { access, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { LiveChannel as LiveChannelView } from '../../../protocol/api/live.ts'
import { silentLogger } from '../../lib/log.ts'
import { LiveChannel, WAITING_FOR_OBS } from '../live-channel.ts'
import { LiveRing } from '../live-ring.ts'
import { parseLiveChannel } from '../live-source.ts'
import { PushFeed } from '../push/push-feed.ts'
import { PushInlet } from '../push/push-inlet.ts'
import type { RtmpMessage } from '../push/rtmp-chunks.ts'

const ENHANCED_HEVC: RtmpMessage = { type: 9, streamId: 1, timestamp: 0, payload: Buffer.from([0x90, 0x68, 0x76, 0x63, 0x31]) }
const H264_SEQUENCE_HEADER: RtmpMessage = { type: 9, streamId: 1, timestamp: 0, payload: Buffer.from([0x17, 0x00, 0, 0, 0, 0x01]) }

let dir = ''
let inlet = new PushInlet('Studio', 'key')
let channel: LiveChannel | null = null
const feeds: PushFeed[] = []

/** A publisher as the RTMP session makes it: closing the feed ends it. */
function publisher (): PushFeed {
  const feed: PushFeed = new PushFeed('127.0.0.1', { pause: () => {}, resume: () => {}, close: reason => feed.end(reason) })
  feeds.push(feed)
  return feed
}

/** Hands `feed` over once the channel waits for one; the channel's view at that moment (before it sees the feed). */
async function deliverWhenWaiting (feed: PushFeed): Promise<LiveChannelView> {
  for (;;) {
    const delivery = inlet.deliver(feed)
    if (delivery === 'taken') return open().view()
    expect(delivery).toBe('not-ready')
    await new Promise(resolve => setTimeout(resolve, 10))
  }
}

const open = (): LiveChannel => {
  if (channel === null) throw new Error('the channel is made in beforeEach')
  return channel
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-push-channel-'))
  const spec = parseLiveChannel('Studio=rtmp-push')
  if (typeof spec === 'string') throw new Error(spec)
  inlet = new PushInlet('Studio', 'key')
  channel = new LiveChannel({ spec, ring: new LiveRing(path.join(dir, 'ring')), windowSec: 10, segmentSec: 1, p2p: false, inlet, log: silentLogger })
  channel.start()
})

afterEach(async () => {
  // Ends whatever a failing run left: a publisher's end closes ffmpeg's stdin, so ffmpeg exits.
  for (const feed of feeds.splice(0)) feed.end('the test is over')
  await channel?.close()
  channel = null
  await rm(dir, { recursive: true, force: true })
})

describe('a channel OBS pushes to', () => {
  it('waits for OBS at first, which is no error', async () => {
    const view = await deliverWhenWaiting(publisher())
    expect(view).toMatchObject({ state: 'offline', reason: WAITING_FOR_OBS })
    expect(open().status().lastError).toBeNull()
  })

  it('keeps a refused stream\'s reason shown, and as the last error, until the next publisher', async () => {
    const refused = publisher()
    await deliverWhenWaiting(refused)
    refused.media(ENHANCED_HEVC)
    expect(await refused.ended).toMatch(/HEVC or AV1/)
    // The channel waits for the next publisher, still showing why the last one was refused.
    const view = await deliverWhenWaiting(publisher())
    expect(view.state).toBe('offline')
    expect(view.reason).toMatch(/^the stream from OBS was not usable: .*set the encoder to H\.264/)
    expect(open().status().lastError).toBe(view.reason)
    // The next publisher is there: the refusal is no longer what the channel is doing.
    await expect.poll(() => open().view().state).toBe('starting')
    expect(open().view().reason).toBeNull()
    expect(open().status().lastError).toBe(view.reason)
  })

  it('waits for OBS again, with no error, when a publisher leaves before its first video', async () => {
    const leaving = publisher()
    await deliverWhenWaiting(leaving)
    leaving.end('the publisher stopped')
    expect(await leaving.facts).toEqual({ left: 'the publisher stopped' })
    const view = await deliverWhenWaiting(publisher())
    expect(view).toMatchObject({ state: 'offline', reason: WAITING_FOR_OBS })
    expect(open().status().lastError).toBeNull()
  })

  it('closes without starting ffmpeg when close() lands while the first video is awaited', async () => {
    const feed = publisher()
    await deliverWhenWaiting(feed)
    const closing = open().close()
    feed.media(H264_SEQUENCE_HEADER)
    // Before the fix ffmpeg was started here and read the publisher's stdin: close() never returned.
    await closing
    channel = null
    expect(await feed.ended).toBe('the seed node is stopping')
    await expect(access(path.join(dir, 'ring'))).rejects.toThrow()
  }, 20_000)
})
