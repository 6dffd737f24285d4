/**
 * Issue 14's fast start from another host: the seed node on the router (HTTPS by the
 * household CA, web seed on), a paired device on the LAN with Chromium's default WebRTC and
 * certificate behaviour. The player gets the item's .torrent over HTTPS (no metadata over a
 * peer wire), plays, seeks into a part not yet downloaded, and takes bytes from the web seed
 * and the WebRTC wire at once; the card, hovered first, has its torrent and a WebRTC wire to
 * the router before the click. Each web seed request is held back 100 ms and the router's
 * WebRTC upload is capped, so the download lasts long enough for the seek to land beyond it
 * and for both paths to carry bytes. Timings are reported, never asserted.
 */
import { test, expect } from '@playwright/test'
import { canBuildTestLan } from './lan/test-lan.ts'
import { startHouseholdLan, type HouseholdLan } from './lan/household-lan.ts'
import { openLanDevice, type LanDevice } from './lan/lan-device.ts'
import { lanItemByMediaPath } from './lan/lan-api.ts'
import { clickToFirstFrameMs } from './lan/page-timings.ts'
import { makeLibraryWithLongClip } from './support/test-clips.ts'
import { expectPlaysPast } from './support/player.ts'
import { FAR_SEEK, seekIntoMissingPart } from './support/seek-far.ts'
import { removeDir } from '../seed-node/testing/seed-node-process.ts'
import type { CatalogItem } from '../protocol/catalog.ts'

test.skip(!canBuildTestLan(), 'the test LAN needs root inside the test namespace (npm run test:e2e)')
test.describe.configure({ mode: 'serial' })

const CLIP_SECONDS = FAR_SEEK.clipSeconds
/** Each web-seed answer is held this long, so the WebRTC wire gets a share of the bytes too. */
const WEB_SEED_DELAY_MS = 100

let household: HouseholdLan
let library: string
let item: CatalogItem
let device: LanDevice | undefined

function report (name: string, value: string): void {
  test.info().annotations.push({ type: name, description: value })
  process.stdout.write(`LAN measure: ${name}: ${value}\n`)
}

test.beforeAll(async () => {
  test.setTimeout(180 * 1000)
  const clip = await makeLibraryWithLongClip(CLIP_SECONDS)
  library = clip.library
  household = await startHouseholdLan({ library, webSeed: true, args: [...FAR_SEEK.uploadLimitArgs] })
  item = await lanItemByMediaPath(household.api, clip.fileName)
})

test.afterAll(async () => {
  await device?.dispose()
  await household?.close()
  if (library !== undefined) await removeDir(library)
})

test('a device on the LAN plays with the .torrent from the seed node, seeks into an undownloaded part, and takes bytes from the web seed and WebRTC', async () => {
  const { lan, node } = household
  device = await openLanDevice('deviceA', lan.deviceA, { trustedCaFiles: [household.caFile] })
  const page = device.page
  await page.route('**/webseed/**', async route => {
    await new Promise(resolve => setTimeout(resolve, WEB_SEED_DELAY_MS))
    await route.continue()
  })
  await page.goto(node.pairingLink)
  await expect.poll(async () => await page.evaluate(() => window.__hearth?.paired() ?? false), { message: 'the printed pairing link should pair this device' }).toBe(true)
  await page.goto(node.url)
  const card = page.locator(`[data-testid="library-item"][data-item-id="${item.id}"]`)
  await expect(card).toBeVisible()
  // Resting the pointer on the card adds its torrent and opens a WebRTC wire to the router before the click.
  await card.hover()
  await expect.poll(async () => (await page.evaluate(() => window.__hearth?.wires() ?? [])).filter(wire => wire.infoHash === item.id).map(wire => wire.type), {
    message: 'hovering the card should open a WebRTC wire to the seed node before play is pressed', timeout: 30 * 1000
  }).toContain('webrtc')
  expect((await page.evaluate(() => window.__hearth?.warmTorrents()))?.warm).toEqual([item.id])
  report('click to first frame (card hovered until warm; web seed + WebRTC, .torrent from the seed node)', `${(await clickToFirstFrameMs(page, card)).toFixed(0)} ms`)
  await expectPlaysPast(page, 1)

  const torrent = async () => {
    const found = (await page.evaluate(() => window.__hearth?.torrents() ?? [])).find(t => t.infoHash === item.id)
    if (!found) throw new Error('torrent not in the page client')
    return found
  }
  expect((await torrent()).metadataFrom).toBe('torrent-file')

  await seekIntoMissingPart(page, item.id, CLIP_SECONDS)

  const bySource = async (): Promise<Record<string, number>> => {
    const totals: Record<string, number> = {}
    for (const wire of (await page.evaluate(() => window.__hearth?.wires() ?? [])).filter(w => w.infoHash === item.id)) {
      totals[wire.type] = (totals[wire.type] ?? 0) + wire.downloaded
    }
    return totals
  }
  await expect.poll(async () => {
    const totals = await bySource()
    return Math.min(totals.webSeed ?? 0, totals.webrtc ?? 0)
  }, { message: 'both the web seed and the WebRTC wire should send bytes', timeout: 60 * 1000 }).toBeGreaterThan(0)
  report('bytes by source on the device', JSON.stringify(await bySource()))
})
