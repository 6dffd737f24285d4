/** What the e2e tests ask of the player page. */
import { expect, type Page } from '@playwright/test'

export interface VideoState {
  currentTime: number
  duration: number
  paused: boolean
  decodedFrames: number
  readyState: number
  error: string | null
}

export async function videoState (page: Page): Promise<VideoState> {
  return await page.getByTestId('player-video').evaluate((video: HTMLVideoElement) => ({
    currentTime: video.currentTime,
    duration: video.duration,
    paused: video.paused,
    decodedFrames: video.getVideoPlaybackQuality().totalVideoFrames,
    readyState: video.readyState,
    error: video.error ? `${video.error.code}: ${video.error.message}` : null
  }))
}

/** Waits until the video has played past `seconds` and decoded frames. */
export async function expectPlaysPast (page: Page, seconds: number): Promise<VideoState> {
  await expect.poll(async () => {
    const state = await videoState(page)
    if (state.error) throw new Error(`video error ${state.error}`)
    return state.currentTime
  }, { timeout: 45 * 1000, message: `video should play past ${seconds}s` }).toBeGreaterThan(seconds)
  const state = await videoState(page)
  expect(state.decodedFrames).toBeGreaterThan(0)
  return state
}

/** The seed node a test talks to: where it is and the link that pairs a browser with it. */
export interface PairableNode { url: string, pairingLink: string }

/** Pairs this browser profile with the household, unless it already is. */
export async function ensurePaired (page: Page, node: PairableNode): Promise<void> {
  if (page.url().startsWith(node.url) && await page.evaluate(() => window.__hearth?.paired() ?? false)) return
  await page.goto(node.pairingLink)
  await expect.poll(async () => await page.evaluate(() => window.__hearth?.paired() ?? false), { message: 'the pairing link should pair this browser' }).toBe(true)
}

/** Opens the library (pairing first if needed), clicks the item, and waits for the player. */
export async function openItem (page: Page, node: PairableNode, itemId: string): Promise<void> {
  await ensurePaired(page, node)
  await page.goto(node.url)
  await page.locator(`[data-testid="library-item"][data-item-id="${itemId}"]`).click()
  await expect(page).toHaveURL(new RegExp(`/watch/${itemId}$`))
  await expect(page.getByTestId('player-video')).toBeVisible()
}

/** Plays until `seconds` and pauses there; returns the paused position. */
export async function playToAndPause (page: Page, seconds: number): Promise<number> {
  await expectPlaysPast(page, seconds)
  return await page.getByTestId('player-video').evaluate((video: HTMLVideoElement) => {
    video.pause()
    return video.currentTime
  })
}

/** Where playback started: the beginning of the first range the video has played. */
export async function playbackStartedAt (page: Page): Promise<number> {
  await expect.poll(async () => await page.getByTestId('player-video').evaluate((video: HTMLVideoElement) => video.played.length), {
    message: 'the video should start playing', timeout: 45 * 1000
  }).toBeGreaterThan(0)
  return await page.getByTestId('player-video').evaluate((video: HTMLVideoElement) => video.played.start(0))
}
