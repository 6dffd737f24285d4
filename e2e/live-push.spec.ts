/**
 * A channel OBS pushes to, seen in Chromium: the channel's screen says it waits for OBS and
 * shows the Server and Stream key to the household; a publisher (ffmpeg sending RTMP as OBS
 * does) with a wrong key is refused and the channel stays offline; with the key read off
 * that screen the channel plays; when the publisher stops it is offline again, and pushing
 * again brings it back. A file `--live-record` kept of it plays in Chromium as it is.
 */
import { expect, test, type Page } from '@playwright/test'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { liveChannel } from '../seed-node/testing/live-channel-api.ts'
import { publishRtmp, type RtmpPublisher } from '../seed-node/testing/rtmp-publisher.ts'
import { makeStateDir, removeDir, startSeedNodeProcess, type SeedNodeProcess } from '../seed-node/testing/seed-node-process.ts'
import { ensurePaired, videoState } from './support/player.ts'

const ONLINE_WITHIN_MS = 60 * 1000
/** The channel's state is asked every 1.5 s; the seed node sees a publisher leave at once. */
const OFFLINE_SHOWN_WITHIN_MS = 20 * 1000

let stateDir = ''
let node: SeedNodeProcess | null = null
const publishers: RtmpPublisher[] = []

const running = (): SeedNodeProcess => {
  if (node === null) throw new Error('the seed node starts in beforeAll')
  return node
}

function publish (url: string): RtmpPublisher {
  const publisher = publishRtmp(url)
  publishers.push(publisher)
  return publisher
}

async function expectAdvancing (page: Page): Promise<void> {
  const from = (await videoState(page)).currentTime
  await expect.poll(async () => {
    const state = await videoState(page)
    if (state.error !== null) throw new Error(`video error ${state.error}`)
    return state.currentTime
  }, { timeout: ONLINE_WITHIN_MS, message: 'the pushed picture should move on' }).toBeGreaterThan(from + 2)
  await expect.poll(async () => (await videoState(page)).decodedFrames, { message: 'video frames should be decoded' }).toBeGreaterThan(0)
}

test.beforeAll(async () => {
  stateDir = await makeStateDir()
  node = await startSeedNodeProcess({ stateDir, args: ['--live', 'Studio=rtmp-push', '--live-rtmp-port', '0', '--live-window', '30', '--live-segment', '1', '--live-record', 'Studio=1m', '--live-record-dir', path.join(stateDir, 'rec')] })
})

test.afterAll(async () => {
  await Promise.all(publishers.map(async publisher => await publisher.stop()))
  await node?.stop()
  if (stateDir) await removeDir(stateDir)
})

test('OBS settings on the channel screen; a wrong key is refused; the right one plays; stop and push again', async ({ page }) => {
  const channel = await liveChannel(running())
  await ensurePaired(page, running())
  await page.goto(running().url)
  const tile = page.locator(`[data-testid="live-channel"][data-channel-id="${channel.id}"]`)
  await expect(tile).toHaveAttribute('data-state', 'offline')
  await tile.click()
  await expect(page.getByTestId('live-offline')).toContainText('Waiting for OBS')
  const server = await page.getByTestId('live-obs-server').inputValue()
  const key = await page.getByTestId('live-obs-key').inputValue()
  expect(server).toMatch(/^rtmp:\/\/127\.0\.0\.1:\d+\/live$/)

  const wrong = await publish(`${server}/${key.slice(1)}x`).exited
  expect(wrong.stderr).toContain('wrong stream key')
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'offline')

  const obs = publish(`${server}/${key}`)
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'online', { timeout: ONLINE_WITHIN_MS })
  await expectAdvancing(page)

  await obs.stop()
  await expect(page.getByTestId('live-offline')).toContainText('Waiting for OBS', { timeout: OFFLINE_SHOWN_WITHIN_MS })

  publish(`${server}/${key}`)
  await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'online', { timeout: ONLINE_WITHIN_MS })
  await expect(page.getByTestId('live-offline')).toBeHidden()
  await expectAdvancing(page)
})

test('a recording of the channel plays in Chromium as a plain file', async ({ page }) => {
  const dir = path.join(stateDir, 'rec', 'Studio')
  const finished = async (): Promise<string[]> => (await readdir(dir).catch(() => [])).filter(name => /^\d{4}-.*\.mp4$/.test(name)).sort()
  if (!(publishers.at(-1)?.running ?? false)) publish(`${(await liveChannel(running())).obs?.serverUrl ?? ''}/${(await liveChannel(running())).obs?.streamKey ?? ''}`)
  await expect.poll(async () => (await finished()).length, { timeout: ONLINE_WITHIN_MS, message: 'a recording should be finished' }).toBeGreaterThan(0)
  const file = path.join(dir, (await finished())[0] ?? '')
  await page.goto(pathToFileURL(file).href)
  const video = page.locator('video')
  await video.evaluate(async (element: HTMLVideoElement) => { element.muted = true; await element.play() })
  await expect.poll(async () => await video.evaluate((element: HTMLVideoElement) => element.error === null ? element.currentTime : -1), { timeout: 30 * 1000, message: 'the recording should play' }).toBeGreaterThan(2)
  const state = await video.evaluate((element: HTMLVideoElement) => ({ duration: element.duration, frames: element.getVideoPlaybackQuality().totalVideoFrames }))
  expect(state.frames).toBeGreaterThan(0)
  expect(state.duration).toBeGreaterThan(2)
})
