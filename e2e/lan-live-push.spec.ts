/**
 * OBS on another computer of the LAN pushing to a channel (the path a streamer takes): the
 * seed node on the router host (`--host 0.0.0.0`, HTTPS by the household CA, its RTMP port on
 * all addresses), a device's Chromium (default flags) showing the channel's Server and Stream
 * key, a publisher on a second host (ffmpeg sending RTMP as OBS does) refused with a wrong
 * key and taken with the right one, and the channel playing on the device.
 */
import { test, expect } from '@playwright/test'
import { LiveListReply, type LiveChannel } from '../protocol/api/live.ts'
import { publishRtmp, type RtmpPublisher } from '../seed-node/testing/rtmp-publisher.ts'
import { canBuildTestLan } from './lan/test-lan.ts'
import { startHouseholdLan, type HouseholdLan } from './lan/household-lan.ts'
import { lanApi } from './lan/lan-api.ts'
import type { LanDevice } from './lan/lan-device.ts'
import { openPairedLanDevice } from './lan/household-lan-fixture.ts'
import { videoState } from './support/player.ts'

test.skip(!canBuildTestLan(), 'the test LAN needs root inside the test namespace (npm run test:e2e)')

let household: HouseholdLan
let channel: LiveChannel
const devices: LanDevice[] = []
const publishers: RtmpPublisher[] = []

test.beforeAll(async () => {
  test.setTimeout(180 * 1000)
  household = await startHouseholdLan({ args: ['--live', 'Studio=rtmp-push', '--live-rtmp-port', '0', '--live-window', '30'] })
  const listed = LiveListReply.parse((await lanApi(household.api, 'GET', '/api/live')).json).channels[0]
  if (listed === undefined) throw new Error('no channel')
  channel = listed
})

test.afterAll(async () => {
  await Promise.all(publishers.map(async publisher => await publisher.stop()))
  for (const device of devices) await device.dispose()
  await household?.close()
})

test('OBS on another host pushes with the key the device shows, and the device plays the channel', async () => {
  test.setTimeout(180 * 1000)
  const device = await openPairedLanDevice(household, 'deviceA')
  devices.push(device)
  const page = device.page
  await page.goto(household.node.url)
  await page.locator(`[data-testid="live-channel"][data-channel-id="${channel.id}"]`).click()
  await expect(page.getByTestId('live-offline')).toContainText('Waiting for OBS')
  const server = await page.getByTestId('live-obs-server').inputValue()
  const key = await page.getByTestId('live-obs-key').inputValue()
  // The Server names the address the device reached the seed node at: the router's, on the LAN.
  expect(server).toMatch(new RegExp(`^rtmp://${household.lan.router.address.replaceAll('.', '\\.')}:\\d+/live$`))

  const fromHostB = { wrap: household.lan.deviceB.wrap }
  const wrong = publishRtmp(`${server}/${key.toLowerCase() === key ? key.toUpperCase() : key.toLowerCase()}`, fromHostB)
  publishers.push(wrong)
  expect((await wrong.exited).stderr).toContain('wrong stream key')
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'offline')

  publishers.push(publishRtmp(`${server}/${key}`, fromHostB))
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'online', { timeout: 60 * 1000 })
  await expect.poll(async () => (await videoState(page)).currentTime, { timeout: 60 * 1000, message: 'the channel should play' }).toBeGreaterThan(2)
  await expect.poll(async () => (await videoState(page)).decodedFrames, { message: 'video frames should be decoded' }).toBeGreaterThan(0)
})
