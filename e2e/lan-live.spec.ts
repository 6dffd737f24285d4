/**
 * Live channels from other hosts of the test LAN (the user path a phone takes): the seed node
 * on the router host (HTTPS by the household CA) with a testsrc channel shared peer to peer,
 * two Chromium devices with default WebRTC behaviour (mDNS host candidates on). Device A plays
 * the channel from the Live row; device B plays it too and gets segments from device A.
 */
import { test, expect, type Page } from '@playwright/test'
import type { LiveChannel } from '../protocol/api/live.ts'
import { firstOnlineChannel } from './support/live-channels.ts'
import { canBuildTestLan } from './lan/test-lan.ts'
import { startHouseholdLan, type HouseholdLan } from './lan/household-lan.ts'
import { lanApi } from './lan/lan-api.ts'
import type { LanDevice } from './lan/lan-device.ts'
import { openPairedLanDevice } from './lan/household-lan-fixture.ts'
import { videoState } from './support/player.ts'

test.skip(!canBuildTestLan(), 'the test LAN needs root inside the test namespace (npm run test:e2e)')
test.describe.configure({ mode: 'serial' })

let household: HouseholdLan
let channel: LiveChannel
const devices: LanDevice[] = []

test.beforeAll(async () => {
  test.setTimeout(180 * 1000)
  household = await startHouseholdLan({ args: ['--live', 'Cam=testsrc', '--live-p2p', 'Cam', '--live-window', '60'] })
  channel = await firstOnlineChannel(async () => (await lanApi(household.api, 'GET', '/api/live')).json)
})

test.afterAll(async () => {
  for (const device of devices) await device.dispose()
  await household?.close()
})

async function watch (name: 'deviceA' | 'deviceB'): Promise<Page> {
  const device = await openPairedLanDevice(household, name)
  devices.push(device)
  const page = device.page
  await page.goto(household.node.url)
  await page.locator(`[data-testid="live-channel"][data-channel-id="${channel.id}"]`).click()
  await expect.poll(async () => (await videoState(page)).currentTime, { timeout: 60 * 1000, message: 'the channel should play' }).toBeGreaterThan(2)
  // hls.js may rebuild its media source (a new ffmpeg run starts a new init segment), and the
  // frame count restarts with it: wait for frames rather than reading the count once.
  await expect.poll(async () => (await videoState(page)).decodedFrames, { message: 'video frames should be decoded' }).toBeGreaterThan(0)
  return page
}

test('a device on the LAN plays the channel from the Live row over HTTPS', async () => {
  await watch('deviceA')
})

test('a second device gets segments from the first over WebRTC', async () => {
  test.setTimeout(150 * 1000)
  const b = await watch('deviceB')
  await expect.poll(async () => Number(await b.getByTestId('live-peer-bytes').getAttribute('data-peer-bytes') ?? '0'),
    { timeout: 90 * 1000, message: 'device B should get bytes from device A' }).toBeGreaterThan(0)
})
