/**
 * A friend's link to a live channel from another host of the test LAN (HTTPS by the
 * household CA, Chromium with default flags): device A, paired, makes the link with "Share"
 * on the channel's screen; device B, a friend's browser that was never paired, opens it and
 * plays the channel; after "Stop sharing" device B's page says the link was turned off.
 */
import { test, expect, type Page } from '@playwright/test'
import type { LiveChannel } from '../protocol/api/live.ts'
import { firstOnlineChannel } from './support/live-channels.ts'
import { canBuildTestLan } from './lan/test-lan.ts'
import { startHouseholdLan, type HouseholdLan } from './lan/household-lan.ts'
import { lanApi } from './lan/lan-api.ts'
import { openLanDevice, type LanDevice } from './lan/lan-device.ts'
import { videoState } from './support/player.ts'

test.skip(!canBuildTestLan(), 'the test LAN needs root inside the test namespace (npm run test:e2e)')
test.describe.configure({ mode: 'serial' })

let household: HouseholdLan
let channel: LiveChannel
let link = ''
const devices: LanDevice[] = []

test.beforeAll(async () => {
  test.setTimeout(180 * 1000)
  household = await startHouseholdLan({ args: ['--live', 'Front door=testsrc', '--live-window', '60'] })
  channel = await firstOnlineChannel(async () => (await lanApi(household.api, 'GET', '/api/live')).json)
})

test.afterAll(async () => {
  for (const device of devices) await device.dispose()
  await household?.close()
})

async function device (name: 'deviceA' | 'deviceB'): Promise<Page> {
  const opened = await openLanDevice(name, household.lan[name], { trustedCaFiles: [household.caFile] })
  devices.push(opened)
  return opened.page
}

test('a paired device makes the link with Share on the channel screen', async () => {
  const a = await device('deviceA')
  await a.goto(household.node.pairingLink)
  await expect.poll(async () => await a.evaluate(() => window.__hearth?.paired() ?? false)).toBe(true)
  await a.goto(household.node.url)
  await a.locator(`[data-testid="live-channel"][data-channel-id="${channel.id}"]`).click()
  await a.getByTestId('live-share').click()
  await expect(a.getByTestId('live-share-link')).toHaveValue(/#token=/)
  link = await a.getByTestId('live-share-link').inputValue()
  expect(new URL(link).origin).toBe(new URL(household.node.url).origin) // reachable from the friend's host, over HTTPS
})

test('a friend\'s browser on another host plays the channel from the link, and sees it turned off after Stop sharing', async () => {
  test.setTimeout(150 * 1000)
  test.skip(link === '', 'needs the link from the first test')
  const b = await device('deviceB')
  await b.goto(link)
  await expect(b.getByRole('heading', { name: /Front door/ })).toBeVisible({ timeout: 30 * 1000 })
  await expect.poll(async () => (await videoState(b)).currentTime, { timeout: 60 * 1000, message: 'the friend should see the channel play' }).toBeGreaterThan(2)
  await expect.poll(async () => (await videoState(b)).decodedFrames, { message: 'video frames should be decoded' }).toBeGreaterThan(0)
  expect(await b.evaluate(() => window.__hearth?.paired() ?? false)).toBe(false)
  expect((await lanApi(household.api, 'POST', '/api/share/rotate')).status).toBe(200)
  await expect(b.getByTestId('live-guest-ended')).toHaveAttribute('data-reason', 'revoked', { timeout: 20 * 1000 })
  await expect(b.getByTestId('live-guest-ended')).toContainText('no longer works')
})
