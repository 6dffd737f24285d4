/**
 * The audio-track switch from another host (issue 12), on the test LAN: the seed node on the
 * router host (HTTPS by the household CA, web seed off), one Chromium device with default
 * flags (no autoplay exemption) trusting the household CA. The two-track MKV plays its default
 * English track (440 Hz) over WebRTC; picking the French track (1000 Hz) plays it through a
 * browser edition fetched over HTTPS from the router, heard through an AnalyserNode.
 */
import { expect, test } from '@playwright/test'
import { canBuildTestLan } from './lan/test-lan.ts'
import { startHouseholdLan, type HouseholdLan } from './lan/household-lan.ts'
import { openLanDevice, type LanDevice } from './lan/lan-device.ts'
import { lanItemByMediaPath } from './lan/lan-api.ts'
import { expectTone } from './support/audio-tone.ts'
import { expectPlaysPast, videoState } from './support/player.ts'
import { CLIP_NAMES, makeTrackAndSeekLibrary, TWO_TRACK_TONES_HZ } from '../seed-node/testing/codec-clips.ts'
import { removeDir } from '../seed-node/testing/seed-node-process.ts'
import type { CatalogItem } from '../protocol/catalog.ts'

test.skip(!canBuildTestLan(), 'the test LAN needs root inside the test namespace (npm run test:e2e)')

let household: HouseholdLan | undefined
let library: string | undefined
let item: CatalogItem
let device: LanDevice | undefined

test.beforeAll(async () => {
  test.setTimeout(180 * 1000)
  library = await makeTrackAndSeekLibrary(30, 20)
  household = await startHouseholdLan({ library })
  item = await lanItemByMediaPath(household.api, CLIP_NAMES.twoTrackMkv)
})

test.afterAll(async () => {
  await device?.dispose()
  await household?.close()
  if (library !== undefined) await removeDir(library)
})

test('a device on the LAN switches to the second audio track and hears it', async () => {
  if (household === undefined) throw new Error('the household starts in beforeAll')
  const [englishHz, frenchHz] = TWO_TRACK_TONES_HZ
  device = await openLanDevice('deviceA', household.lan.deviceA, { trustedCaFiles: [household.caFile] })
  const { page } = device
  await page.goto(household.node.pairingLink)
  await expect.poll(async () => await page.evaluate(() => window.__hearth?.paired() ?? false), { message: 'the pairing link should pair this device' }).toBe(true)
  await page.goto(household.node.url)
  // A real click: the gesture that lets the film (and the page's AudioContext) play with sound.
  await page.locator(`[data-testid="library-item"][data-item-id="${item.id}"]`).click()
  await expectPlaysPast(page, 2)
  await expectTone(page, englishHz, 'the default English track should sound at 440 Hz')

  await page.getByTestId('audio-track').selectOption('1')
  await expectTone(page, frenchHz, 'the French track should sound at 1000 Hz once chosen')
  expect((await videoState(page)).decodedFrames).toBeGreaterThan(0)
})
