/**
 * A channel shared peer to peer (`--live-p2p`): two viewers in two browser profiles, and the
 * second gets segments from the first over WebRTC (p2p-media-loader's peer bytes > 0),
 * signalled through the seed node's own tracker with the household credential. On loopback
 * (Chromium's loopback flags and LOOPBACK_PEER_CONTEXT, e2e/support/chromium.ts).
 */
import { expect, test, type Browser, type Page } from '@playwright/test'
import type { LiveChannel } from '../protocol/api/live.ts'
import { firstOnlineChannel } from './support/live-channels.ts'
import { api } from '../seed-node/testing/seed-node-api.ts'
import { makeStateDir, removeDir, startSeedNodeProcess, type SeedNodeProcess } from '../seed-node/testing/seed-node-process.ts'
import { ensurePaired, videoState } from './support/player.ts'
import { LOOPBACK_PEER_CONTEXT } from './support/chromium.ts'

let stateDir = ''
let node: SeedNodeProcess | null = null

const running = (): SeedNodeProcess => {
  if (node === null) throw new Error('the seed node starts in beforeAll')
  return node
}

async function onlineChannel (): Promise<LiveChannel> {
  return await firstOnlineChannel(async () => (await api(running(), 'GET', '/api/live')).json)
}

/** A viewer in its own browser profile, reachable by the other over WebRTC on loopback (chromium.ts says why that needs LOOPBACK_PEER_CONTEXT). */
async function viewer (browser: Browser, channel: LiveChannel): Promise<Page> {
  const page = await (await browser.newContext(LOOPBACK_PEER_CONTEXT)).newPage()
  await ensurePaired(page, running())
  await page.goto(`${running().url}/channel/${channel.id}`)
  await expect.poll(async () => (await videoState(page)).currentTime, { timeout: 60 * 1000, message: 'the channel should play' }).toBeGreaterThan(1)
  return page
}

const peerBytes = async (page: Page): Promise<number> => Number(await page.getByTestId('live-peer-bytes').getAttribute('data-peer-bytes') ?? '0')

test.beforeAll(async () => {
  stateDir = await makeStateDir()
  node = await startSeedNodeProcess({ stateDir, args: ['--live', 'Cam=testsrc', '--live-p2p', 'Cam', '--live-window', '60', '--live-segment', '1'] })
})

test.afterAll(async () => {
  await node?.stop()
  if (stateDir) await removeDir(stateDir)
})

test('the second viewer gets segments from the first over WebRTC', async ({ browser }) => {
  test.setTimeout(180 * 1000)
  const channel = await onlineChannel()
  expect(channel.p2p).toBe(true)
  const first = await viewer(browser, channel)
  const second = await viewer(browser, channel)
  await expect.poll(async () => await peerBytes(second), { timeout: 90 * 1000, message: 'the second viewer should get bytes from the first' }).toBeGreaterThan(0)
  await expect(second.getByTestId('live-peer-bytes')).toContainText('From other viewers')
  // Both still play: peer bytes did not stall either picture.
  for (const page of [first, second]) await expect.poll(async () => (await videoState(page)).decodedFrames).toBeGreaterThan(0)
})
