/**
 * The paths of the later issues from the household's other devices, on the test LAN (HTTPS by
 * the household CA, Chromium's default flags, the seed node on the router host with the web
 * seed off):
 * - a phone finds an episode by search and the show page, and Back undoes it (issue 13);
 * - the phone plays an AC-3 MKV with sound through a browser edition fetched over HTTPS from
 *   the router, with its forced subtitle on (issue 12);
 * - a friend's phone, not paired, opens a share link and streams that film over WebRTC
 *   (issue 11's share path);
 * - a page on another host firing wrong tokens at the seed node gets nobody banned: the
 *   phone that visited it still plays (issue 11);
 * - the phone pastes a magnet on the Downloads screen; the router fetches it from a classic
 *   swarm elsewhere on the network (tracker and seeder in the test process, on the bridge)
 *   and the film joins the library (issue 11's download path).
 */
import { execFile } from 'node:child_process'
import { cp, mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { Server as TrackerServer } from 'bittorrent-tracker'
import { test, expect } from '@playwright/test'
import { canBuildTestLan, TEST_PROCESS_ADDRESS } from './lan/test-lan.ts'
import { startHouseholdLan, type HouseholdLan } from './lan/household-lan.ts'
import { openLanDevice, type LanDevice } from './lan/lan-device.ts'
import { lanApi, lanItemByMediaPath } from './lan/lan-api.ts'
import { expectPlaysPast } from './support/player.ts'
import { startHostileSite } from './support/hostile-site.ts'
import { CLIP_NAMES, makeCodecLibrary } from '../seed-node/testing/codec-clips.ts'
import { makeTestTorrent, randomFile, startTestSeeder } from '../seed-node/testing/download-test-peer.ts'
import { removeDir, SAMPLE_LIBRARY } from '../seed-node/testing/seed-node-process.ts'
import type { Page } from '@playwright/test'

test.skip(!canBuildTestLan(), 'the test LAN needs root inside the test namespace (npm run test:e2e)')
test.describe.configure({ mode: 'serial' })

const EPISODE = 'Test Pattern Show - S01E01 - Pilot.mp4'
const SECOND_EPISODE = 'Test Pattern Show - S01E02 - Static.mp4'
const FORCED_SUBTITLE = 'Dolby Film (2020).en.forced.srt'
const FORCED_CUE = 'Only the forced line'

let household: HouseholdLan
let library = ''
const devices: LanDevice[] = []

test.beforeAll(async () => {
  test.setTimeout(180 * 1000)
  library = await makeCodecLibrary(6)
  await cp(path.join(SAMPLE_LIBRARY, 'Series'), path.join(library, 'Series'), { recursive: true })
  // A second episode, so the show is a show (one episode alone is listed as that episode).
  await promisify(execFile)('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=12:duration=3',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', path.join(library, 'Series', 'Test Pattern Show', 'Season 01', SECOND_EPISODE)])
  await writeFile(path.join(library, 'Films', FORCED_SUBTITLE), `1\n00:00:00,500 --> 00:00:05,000\n${FORCED_CUE}\n`)
  // Strict bans, so that the hostile page's requests would earn one if they counted.
  household = await startHouseholdLan({ library, args: ['--ban-max-retry', '2'] })
})

test.afterAll(async () => {
  for (const device of devices) await device.dispose()
  await household?.close()
  if (library !== '') await removeDir(library)
})

async function openDevice (name: string, host: 'deviceA' | 'deviceB'): Promise<LanDevice> {
  const device = await openLanDevice(name, household.lan[host], { trustedCaFiles: [household.caFile] })
  devices.push(device)
  return device
}

let phone: LanDevice | undefined
async function pairedPhone (): Promise<Page> {
  if (phone === undefined) {
    phone = await openDevice('phone', 'deviceA')
    await phone.page.goto(household.node.pairingLink)
    await expect.poll(async () => await phone?.page.evaluate(() => window.__hearth?.paired() ?? false), { message: 'the printed link should pair the phone' }).toBe(true)
  }
  return phone.page
}

test('a phone finds an episode by search and its show page, and Back undoes each step', async () => {
  const page = await pairedPhone()
  const episode = await lanItemByMediaPath(household.api, EPISODE)
  await page.goto(household.node.url)
  await page.getByTestId('library-search').fill('pattern')
  await expect(page).toHaveURL(/\?q=pattern$/)
  const show = page.locator('[data-testid="show-card"][data-series="Test Pattern Show"]')
  await expect(show).toBeVisible()
  await show.click()
  await expect(page).toHaveURL(/\/show\/Test%20Pattern%20Show$/)
  await expect(page.getByTestId('show-episode')).toHaveCount(2)
  await expect(page.getByTestId('show-episode').first()).toContainText('Pilot')
  await page.goBack()
  await expect(page).toHaveURL(/\?q=pattern$/)
  await expect(page.getByTestId('library-search')).toHaveValue('pattern')
  await page.goto(`${household.node.url}/show/Test%20Pattern%20Show`)
  await page.getByTestId('show-episode').first().click()
  await expect(page).toHaveURL(new RegExp(`/watch/${episode.id}$`))
  await expectPlaysPast(page, 1)
})

test('the phone plays an AC-3 MKV with sound through an edition from the router, its forced subtitle on', async () => {
  const page = await pairedPhone()
  const film = await lanItemByMediaPath(household.api, CLIP_NAMES.ac3Mkv)
  await page.goto(`${household.node.url}/watch/${film.id}`)
  await expect(page.getByTestId('codec-notice')).toContainText('Dolby Digital (AC-3)')
  await expectPlaysPast(page, 2)
  const video = page.getByTestId('player-video')
  await expect.poll(async () => await video.evaluate((element: HTMLVideoElement & { webkitAudioDecodedByteCount?: number }) => element.webkitAudioDecodedByteCount ?? -1),
    { message: 'the edition should decode audio on the phone' }).toBeGreaterThan(0)
  const forced = async () => await video.evaluate((element: HTMLVideoElement) => {
    const track = Array.from(element.textTracks).find(candidate => candidate.language === 'en')
    return { mode: track?.mode ?? null, cue: (track?.cues?.[0] as VTTCue | undefined)?.text ?? null }
  })
  await expect.poll(forced, { message: 'the forced track should be on with its cue' }).toEqual({ mode: 'showing', cue: FORCED_CUE })
})

test("a friend's phone, not paired, streams a shared film over WebRTC from the router", async () => {
  const film = await lanItemByMediaPath(household.api, 'Test Pattern Show - S01E01 - Pilot.mp4')
  const share = await lanApi(household.api, 'GET', `/api/share/${film.id}`)
  expect(share.status).toBe(200)
  const magnet = String(share.json.magnet)
  expect(decodeURIComponent(magnet)).toContain(`tr=wss://${household.lan.router.address}:${household.node.port}/announce/s.`)
  expect(magnet).not.toContain(household.node.credential)
  const friend = await openDevice('friend', 'deviceB')
  await friend.page.goto(`${household.node.url}/open?magnet=${encodeURIComponent(magnet)}`)
  await expect(friend.page.getByTestId('player-video')).toBeVisible()
  await expectPlaysPast(friend.page, 1)
  const wires = await friend.page.evaluate(() => window.__hearth?.wires() ?? [])
  expect(wires.some(wire => wire.infoHash === film.id && wire.type === 'webrtc' && wire.remoteAddress === household.lan.router.address && wire.downloaded > 0)).toBe(true)
  expect(await friend.page.evaluate(() => window.__hearth?.paired())).toBe(false)
})

test('a page on another host firing wrong tokens gets nobody banned: the phone that visited it still plays', async () => {
  const page = await pairedPhone()
  // Served by the test process on the LAN's bridge: another host, another origin.
  const hostile = await startHostileSite(new URL(household.node.url), TEST_PROCESS_ADDRESS, TEST_PROCESS_ADDRESS)
  try {
    const visited = await page.context().newPage()
    await visited.goto(hostile.url)
    await expect.poll(async () => await visited.evaluate(() => [...document.images].every(image => image.complete)), { message: 'the hostile images should be answered' }).toBe(true)
    await visited.close()
    const tracker = (await lanApi(household.api, 'GET', '/api/status')).json.tracker as { bans?: { active?: number, total?: number } } | undefined
    expect(tracker?.bans).toMatchObject({ active: 0, total: 0 })
    const film = await lanItemByMediaPath(household.api, EPISODE)
    await page.goto(`${household.node.url}/watch/${film.id}`)
    await expectPlaysPast(page, 1)
    await expect(page.getByText(/refused this device/i)).toHaveCount(0)
  } finally {
    await hostile.close()
  }
})

/** A classic swarm elsewhere on the network: a tracker on the LAN's bridge address. */
async function startSwarmTracker (): Promise<{ announce: string, close: () => void }> {
  const tracker = new TrackerServer({ udp: false, ws: false, stats: false })
  await new Promise<void>(resolve => (tracker as unknown as { listen: (port: number, host: string, cb: () => void) => void }).listen(0, TEST_PROCESS_ADDRESS, resolve))
  const port = (tracker as unknown as { http: { address: () => { port: number } } }).http.address().port
  return { announce: `http://${TEST_PROCESS_ADDRESS}:${port}/announce`, close: () => { tracker.close() } }
}

test('the phone pastes a magnet; the router downloads it from a swarm on the network and it joins the library', async () => {
  const page = await pairedPhone()
  const source = await mkdtemp(path.join(os.tmpdir(), 'hearth-lan-swarm-'))
  const swarm = await startSwarmTracker()
  const made = await makeTestTorrent(source, 'Harbour Lights (2026).mp4', [randomFile('Harbour Lights (2026).mp4', 2 * 1024 * 1024)])
  const seeder = await startTestSeeder(made.torrent, source, [swarm.announce])
  try {
    await page.goto(household.node.url)
    await page.getByTestId('downloads-link').click()
    await page.getByTestId('download-magnet-input').fill(`magnet:?xt=urn:btih:${made.infoHash}&dn=Harbour%20Lights&tr=${encodeURIComponent(swarm.announce)}`)
    await page.getByTestId('download-add').click()
    const row = page.locator(`[data-testid="download-row"][data-info-hash="${made.infoHash}"]`)
    await expect(row).toHaveAttribute('data-state', /seeding|completed/, { timeout: 60 * 1000 })
    await page.goto(household.node.url)
    await expect(page.locator(`[data-testid="library-item"][data-item-id="${made.infoHash}"]`)).toBeVisible({ timeout: 30 * 1000 })
  } finally {
    await seeder.close()
    swarm.close()
    await removeDir(source)
  }
})
