/**
 * A live channel fed by ffmpeg's testsrc2 (no camera in CI), seen in Chromium: the Live row
 * with a still, the channel playing close to wall time, "Jump to live" after a pause, and
 * the channel going offline when its ffmpeg is killed and playing again once the supervisor
 * has restarted it. Bounds are functional (a stalled player, a player minutes behind), never
 * a latency figure: that is bench/sections/live-latency.ts.
 */
import { expect, test, type Page } from '@playwright/test'
import type { LiveChannel } from '../protocol/api/live.ts'
import { firstOnlineChannel } from './support/live-channels.ts'
import { api } from '../seed-node/testing/seed-node-api.ts'
import { makeStateDir, removeDir, startSeedNodeProcess, type SeedNodeProcess } from '../seed-node/testing/seed-node-process.ts'
import { ensurePaired, videoState } from './support/player.ts'

/** The live edge must be this close to wall time (a functional bound: 1 s segments, 3 behind). */
const LIVE_EDGE_BOUND_SEC = 15
/** The channel's state is asked every 1.5 s; ffmpeg is restarted after 2 s (± jitter) at the earliest. */
const OFFLINE_SHOWN_WITHIN_MS = 20 * 1000
const RESUMED_WITHIN_MS = 90 * 1000

let stateDir = ''
let node: SeedNodeProcess | null = null

const running = (): SeedNodeProcess => {
  if (node === null) throw new Error('the seed node starts in beforeAll')
  return node
}

async function camChannel (): Promise<LiveChannel> {
  return await firstOnlineChannel(async () => (await api(running(), 'GET', '/api/live')).json)
}

/** The pid of the channel's current ffmpeg, from the seed node's log. */
function ffmpegPid (): number {
  const started = [...running().output().matchAll(/live\.ffmpeg_started channel=Cam pid=(\d+)/g)].at(-1)?.[1]
  if (started === undefined) throw new Error('the seed node logged no ffmpeg start')
  return Number(started)
}

async function expectAdvancing (page: Page, timeoutMs: number): Promise<void> {
  const from = (await videoState(page)).currentTime
  await expect.poll(async () => {
    const state = await videoState(page)
    if (state.error !== null) throw new Error(`video error ${state.error}`)
    return state.currentTime
  }, { timeout: timeoutMs, message: 'the live picture should move on' }).toBeGreaterThan(from + 2)
  // Polled: on a loaded machine the frame counter can trail the clock that audio drives.
  await expect.poll(async () => (await videoState(page)).decodedFrames, { message: 'video frames should be decoded' }).toBeGreaterThan(0)
}

async function openChannel (page: Page, channel: LiveChannel): Promise<void> {
  await ensurePaired(page, running())
  await page.goto(running().url)
  const tile = page.locator(`[data-testid="live-channel"][data-channel-id="${channel.id}"]`)
  await expect(tile).toBeVisible()
  await tile.click()
  await expect(page).toHaveURL(new RegExp(`/channel/${channel.id}$`))
}

test.beforeAll(async () => {
  stateDir = await makeStateDir()
  node = await startSeedNodeProcess({ stateDir, args: ['--live', 'Cam=testsrc', '--live-window', '30', '--live-segment', '1'] })
})

test.afterAll(async () => {
  await node?.stop()
  if (stateDir) await removeDir(stateDir)
})

test('the Live row shows a still, and the channel plays close to wall time', async ({ page }) => {
  const channel = await camChannel()
  await ensurePaired(page, running())
  await page.goto(running().url)
  const still = page.getByTestId('live-row').locator('img')
  await expect.poll(async () => await still.evaluate((image: HTMLImageElement) => image.complete ? image.naturalWidth : 0), { message: 'the still should load' }).toBeGreaterThan(0)
  await openChannel(page, channel)
  await expectAdvancing(page, 45 * 1000)
  const latency = page.getByTestId('live-latency')
  await expect.poll(async () => Number(await latency.getAttribute('data-seconds') || 'NaN'), { message: 'the latency should be shown' }).not.toBeNaN()
  expect(Number(await latency.getAttribute('data-seconds'))).toBeLessThan(LIVE_EDGE_BOUND_SEC)
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'online')
})

test('after a pause the viewer is offered "Jump to live", which brings them back', async ({ page }) => {
  await openChannel(page, await camChannel())
  await expectAdvancing(page, 45 * 1000)
  await page.getByTestId('player-video').evaluate((video: HTMLVideoElement) => video.pause())
  const jump = page.getByTestId('live-jump')
  await expect(jump).toBeVisible()
  const pausedAt = (await videoState(page)).currentTime
  await jump.click()
  await expect.poll(async () => (await videoState(page)).currentTime).toBeGreaterThan(pausedAt + 2)
  await expect(jump).toBeHidden()
})

test('killing the channel\'s ffmpeg shows it offline, and it plays again once restarted', async ({ page }) => {
  await openChannel(page, await camChannel())
  await expectAdvancing(page, 45 * 1000)
  const killed = ffmpegPid()
  process.kill(killed, 'SIGKILL')
  await expect(page.getByTestId('live-offline')).toBeVisible({ timeout: OFFLINE_SHOWN_WITHIN_MS })
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'online', { timeout: RESUMED_WITHIN_MS })
  await expect(page.getByTestId('live-offline')).toBeHidden()
  expect(ffmpegPid()).not.toBe(killed)
  await expectAdvancing(page, 45 * 1000)
})
