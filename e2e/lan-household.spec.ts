/**
 * Every screen in the house (issue 10), on the test LAN: the seed node on the router host
 * (0.0.0.0, HTTPS by the household CA, web seed off), two Chromium devices on other hosts
 * with default WebRTC and certificate behaviour, each trusting the household CA the way a
 * user installs it (downloaded from the onboarding page, added to the NSS database).
 *
 * The clip is long enough (and the router's upload capped like a small router's) that the
 * second device has a reason to fetch from the first: household P2P, not only the seed node.
 * Timings are reported (stdout and annotations), never asserted.
 */
import { test, expect } from '@playwright/test'
import { serialOnTestLan } from './lan/lan-spec.ts'
import { startHouseholdLan, type HouseholdLan } from './lan/household-lan.ts'
import { launchLanBrowser, openLanDevice, type LanDevice } from './lan/lan-device.ts'
import { lanItemByMediaPath } from './lan/lan-api.ts'
import { report } from './lan/lan-measure.ts'
import { clickToFirstFrameMs, firstLoadTiming, median, timeFreshLoad, type PageLoadTiming } from './lan/page-timings.ts'
import { makeLibraryWithLongClip } from './support/test-clips.ts'
import { expectPlaysPast, playToAndPause, playbackStartedAt } from './support/player.ts'
import { expectOutboxEmpty, recordFor } from './support/device.ts'
import { removeDir } from '../seed-node/testing/seed-node-process.ts'
import type { CatalogItem } from '../protocol/catalog.ts'
import type { Page } from '@playwright/test'

serialOnTestLan()

/** ~15 MB at ~3 Mbit/s. */
const CLIP_SECONDS = 40
/** A small router's uplink (16 Mbit/s): five times the clip's bitrate, so playback never waits on it. */
const ROUTER_UPLOAD_KIB_PER_SEC = 2048
/** Fresh loads per scheme for the TLS cost. */
const LOAD_ROUNDS = 5

let household: HouseholdLan
let library: string
let item: CatalogItem
const devices: { a?: LanDevice, b?: LanDevice, extra: LanDevice[] } = { extra: [] }

test.beforeAll(async () => {
  test.setTimeout(180 * 1000)
  const clip = await makeLibraryWithLongClip(CLIP_SECONDS)
  library = clip.library
  household = await startHouseholdLan({ library, args: ['--upload-limit', String(ROUTER_UPLOAD_KIB_PER_SEC)] })
  item = await lanItemByMediaPath(household.api, clip.fileName)
})

test.afterAll(async () => {
  for (const device of [devices.a, devices.b, ...devices.extra]) await device?.dispose()
  await household?.close()
  if (library !== undefined) await removeDir(library)
})

async function openTrustingDevice (name: 'deviceA' | 'deviceB'): Promise<LanDevice> {
  return await openLanDevice(name, household.lan[name], { trustedCaFiles: [household.caFile] })
}

async function pairWithPrintedLink (page: Page): Promise<void> {
  await page.goto(household.node.pairingLink)
  await expect.poll(async () => await page.evaluate(() => window.__hearth?.paired() ?? false), { message: 'the printed pairing link should pair this device' }).toBe(true)
}

/** Bytes this page downloaded for the clip, by the address of the peer that sent them. */
async function downloadedByPeer (page: Page): Promise<Map<string, number>> {
  const wires = await page.evaluate(() => window.__hearth?.wires() ?? [])
  const byPeer = new Map<string, number>()
  for (const wire of wires.filter(w => w.infoHash === item.id)) {
    expect(wire.type, 'with the web seed off every wire is WebRTC').toBe('webrtc')
    const peer = wire.remoteAddress === household.lan.router.address ? 'seed node' : 'another device'
    byPeer.set(peer, (byPeer.get(peer) ?? 0) + wire.downloaded)
  }
  return byPeer
}

test('device A opens the printed pairing link, is a secure context, sees the library and plays over WebRTC from the seed node', async () => {
  const { lan, node } = household
  expect(node.pairingLink.startsWith(`https://${lan.router.address}:${node.port}/pair#key=`), `printed: ${node.pairingLink}`).toBe(true)
  const a = devices.a = await openTrustingDevice('deviceA')
  await pairWithPrintedLink(a.page)
  const firstLoad = await firstLoadTiming(a.page)
  report('first load over HTTPS (device A)', `TCP ${firstLoad.tcpMs.toFixed(1)} ms, TLS handshake ${firstLoad.tlsMs.toFixed(1)} ms, document ${firstLoad.documentMs.toFixed(1)} ms`)
  expect(await a.page.evaluate(() => window.isSecureContext)).toBe(true)

  await a.page.goto(node.url)
  const card = a.page.locator(`[data-testid="library-item"][data-item-id="${item.id}"]`)
  await expect(card).toBeVisible()
  report('click to first frame (device A, from the seed node)', `${(await clickToFirstFrameMs(a.page, card)).toFixed(0)} ms`)
  await expectPlaysPast(a.page, 2)
  const byPeer = await downloadedByPeer(a.page)
  expect(byPeer.get('seed node') ?? 0).toBeGreaterThan(0)
})

test('device B plays the same clip with bytes from device A over WebRTC', async () => {
  const a = devices.a
  if (a === undefined) throw new Error('device A is opened by the first test')
  // Device A keeps the player open, so it keeps seeding; let it hold the whole clip first.
  await expect.poll(async () => await a.page.evaluate(id => window.__hearth?.torrents().find(t => t.infoHash === id)?.progress ?? 0, item.id),
    { message: 'device A should download the whole clip', timeout: 60 * 1000 }).toBe(1)

  const b = devices.b = await openTrustingDevice('deviceB')
  await pairWithPrintedLink(b.page)
  await b.page.goto(household.node.url)
  const card = b.page.locator(`[data-testid="library-item"][data-item-id="${item.id}"]`)
  report('click to first frame (device B, seed node and device A)', `${(await clickToFirstFrameMs(b.page, card)).toFixed(0)} ms`)
  await expectPlaysPast(b.page, 2)
  await expect.poll(async () => (await downloadedByPeer(b.page)).get('another device') ?? 0,
    { message: 'device B should download from device A', timeout: 60 * 1000 }).toBeGreaterThan(0)
  const byPeer = await downloadedByPeer(b.page)
  const fromA = byPeer.get('another device') ?? 0
  const total = fromA + (byPeer.get('seed node') ?? 0)
  const progress = await b.page.evaluate(id => window.__hearth?.torrents().find(t => t.infoHash === id)?.progress ?? 0, item.id)
  report('P2P share of bytes on device B', `${(100 * fromA / total).toFixed(1)} % (${fromA} of ${total} bytes from device A, clip ${(100 * progress).toFixed(0)} % downloaded)`)
})

test('device A pauses and device B resumes at that second', async () => {
  const { a, b } = devices
  if (a === undefined || b === undefined) throw new Error('the devices are opened by the first tests')
  // B leaves the player first (it writes its own position then), so A's pause is the later change.
  await b.page.goto(household.node.url)
  await a.page.getByTestId('player-video').evaluate(async (video: HTMLVideoElement) => { video.currentTime = 10; await video.play() })
  const pausedAt = await playToAndPause(a.page, 12)
  await expectOutboxEmpty(a.page)

  await expect.poll(async () => (await recordFor(b.page, item.id))?.positionSec ?? -1,
    { message: 'device B should learn device A\'s position across the LAN', timeout: 30 * 1000 }).toBeCloseTo(pausedAt, 0)
  await b.page.goto(household.node.url)
  const resume = b.page.locator(`[data-testid="continue-item"][data-item-id="${item.id}"]`)
  await expect(resume).toBeVisible()
  await resume.click()
  expect(Math.abs(await playbackStartedAt(b.page) - pausedAt)).toBeLessThanOrEqual(1)
})

test('a device at http://<lan-address> gets the onboarding page, not a crash', async () => {
  const { lan, node, caPem } = household
  // A new phone on the LAN that does not trust the household CA yet.
  const phone = await openLanDevice('phone', lan.deviceB)
  devices.extra.push(phone)
  const plain = `http://${lan.router.address}:${node.port}/`
  const response = await phone.page.goto(plain)
  expect(response?.status()).toBe(200)
  await expect(phone.page.getByRole('link', { name: /download the certificate/i })).toBeVisible()
  await expect(phone.page.locator(`text=https://${lan.router.address}:${node.port}`).first()).toBeVisible()
  await expect(phone.page.getByText(/could not be loaded|Cannot read properties/i)).toHaveCount(0)
  expect(caPem).toContain('BEGIN CERTIFICATE')
  // Without the CA, the HTTPS address is refused by the browser: what the onboarding page is for.
  await expect(phone.page.goto(`https://${lan.router.address}:${node.port}/`)).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/)
})

test('a browser on the router itself gets the app over plain http://127.0.0.1 and over HTTPS (what TLS costs a first load)', async () => {
  const { lan, node, caFile } = household
  const local = await launchLanBrowser('router-browser', lan.router, { trustedCaFiles: [caFile] })
  try {
    const plainUrl = `http://127.0.0.1:${node.port}/`
    const tlsUrl = `https://${lan.router.address}:${node.port}/`
    const plain: PageLoadTiming[] = []
    const tls: PageLoadTiming[] = []
    // Alternating, each in a fresh context (new connections), both over this host's loopback.
    for (let round = 0; round < LOAD_ROUNDS; round++) {
      plain.push(await timeFreshLoad(local.browser, plainUrl))
      tls.push(await timeFreshLoad(local.browser, tlsUrl))
    }
    expect(plain.every(load => load.tlsMs === 0 && load.tlsConnections === 0)).toBe(true)
    expect(tls.every(load => load.tlsConnections > 0)).toBe(true)
    const summary = (loads: PageLoadTiming[]): string =>
      `document ${median(loads.map(l => l.documentMs)).toFixed(1)} ms, load event ${median(loads.map(l => l.loadMs)).toFixed(1)} ms, ` +
      `TLS handshake ${median(loads.map(l => l.tlsMs)).toFixed(1)} ms × ${median(loads.map(l => l.tlsConnections))} connections`
    report('first load on loopback, plain HTTP (median of 5)', summary(plain))
    report('first load on loopback, HTTPS (median of 5)', summary(tls))
  } finally {
    await local.dispose()
  }
})
