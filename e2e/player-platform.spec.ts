/**
 * The player as the platform expects it, on a two-episode show of real clips: Media Session
 * metadata while playing, keyboard shortcuts (→ seeks 10 s forward, m mutes, ? lists them),
 * and at the end of an episode the countdown that plays the next one, or is cancelled.
 */
import { test, expect, type Page } from '@playwright/test'
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { makeStateDir, removeDir, startSeedNodeProcess, type SeedNodeProcess } from '../seed-node/testing/seed-node-process.ts'
import { itemByMediaPath } from './support/catalog.ts'
import { ensurePaired, expectPlaysPast, videoState } from './support/player.ts'
import { makeSmallClip } from './support/test-clips.ts'
import type { CatalogItem } from '../protocol/catalog.ts'

test.describe.configure({ mode: 'serial' })

const SEASON = 'Shows/Clip Show/Season 01'
let node: SeedNodeProcess
let stateDir: string
let library: string
let first: CatalogItem
let second: CatalogItem

test.beforeAll(async () => {
  test.setTimeout(120 * 1000)
  library = await mkdtemp(path.join(os.tmpdir(), 'hearth-e2e-player-platform-'))
  await makeSmallClip(path.join(library, SEASON, 'Clip Show - S01E01 - Arrival.mp4'), 20, 440)
  await makeSmallClip(path.join(library, SEASON, 'Clip Show - S01E02 - Departure.mp4'), 20, 660)
  stateDir = await makeStateDir()
  node = await startSeedNodeProcess({ stateDir, library })
  first = await itemByMediaPath(node, 'S01E01 - Arrival.mp4')
  second = await itemByMediaPath(node, 'S01E02 - Departure.mp4')
})

test.afterAll(async () => {
  await node?.stop()
  await removeDir(stateDir)
  await removeDir(library)
})

async function sessionTitle (page: Page): Promise<{ title: string, artist: string, album: string } | null> {
  return await page.evaluate(() => {
    const metadata = navigator.mediaSession.metadata
    return metadata === null ? null : { title: metadata.title, artist: metadata.artist, album: metadata.album }
  })
}

/** Opens the player at `/watch/<id>` (episodes are under their show's card, not on the grid). */
async function openItem (page: Page, itemId: string): Promise<void> {
  await ensurePaired(page, node)
  await page.goto(`${node.url}/watch/${itemId}`)
  await expect(page.getByTestId('player-video')).toBeVisible()
}

/** Seeks near the end and lets the episode end by itself. */
async function playToEnd (page: Page): Promise<void> {
  await page.getByTestId('player-video').evaluate((video: HTMLVideoElement) => {
    video.currentTime = Math.max(0, video.duration - 1)
    void video.play()
  })
  await expect.poll(async () => (await videoState(page)).currentTime, { message: 'the episode should reach its end' }).toBeGreaterThan(18.5)
}

test('Media Session shows the episode while it plays, with previous and next taken by the system', async ({ page }) => {
  await openItem(page, first.id)
  await expectPlaysPast(page, 0.5)
  await expect.poll(async () => await sessionTitle(page)).toEqual({ title: 'S01E01 · Arrival', artist: 'Clip Show', album: 'Season 1' })
  expect(await page.evaluate(() => navigator.mediaSession.playbackState)).toBe('playing')
  // No screen to cast to on this machine: no cast button.
  await expect(page.getByTestId('player-shortcuts')).toBeVisible()
  await expect(page.getByTestId('player-cast')).toHaveCount(0)
})

test('keyboard: → seeks 10 s forward, ← back, m mutes, ? lists the shortcuts', async ({ page }) => {
  await openItem(page, first.id)
  await expectPlaysPast(page, 0.5)
  // Paused, so the position only moves by the keys.
  const start = await page.getByTestId('player-video').evaluate((video: HTMLVideoElement) => {
    video.pause()
    return video.currentTime
  })
  await page.locator('body').focus()
  await page.keyboard.press('ArrowRight')
  await expect.poll(async () => (await videoState(page)).currentTime).toBeCloseTo(start + 10, 1)
  await page.keyboard.press('j')
  await expect.poll(async () => (await videoState(page)).currentTime).toBeCloseTo(start, 1)
  await page.keyboard.press('m')
  expect(await page.getByTestId('player-video').evaluate((video: HTMLVideoElement) => video.muted)).toBe(true)
  await page.keyboard.press('k')
  await expect.poll(async () => (await videoState(page)).paused).toBe(false)
  await page.keyboard.press('Shift+?')
  await expect(page.getByTestId('shortcut-help')).toBeVisible()
  await expect(page.getByTestId('shortcut-help')).toContainText('Forward 10 seconds')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('shortcut-help')).toBeHidden()
  // Space on a focused button presses it (here: opens the list), it does not play or pause.
  await page.getByTestId('player-shortcuts').focus()
  await page.keyboard.press('Space')
  await expect(page.getByTestId('shortcut-help')).toBeVisible()
})

test('at the end of an episode a countdown names the next one, and plays it', async ({ page }) => {
  await openItem(page, first.id)
  await expectPlaysPast(page, 0.5)
  await playToEnd(page)
  const offer = page.getByTestId('next-episode')
  await expect(offer).toBeVisible()
  await expect(offer).toHaveAttribute('data-item-id', second.id)
  await expect(offer).toContainText(/Next: S01E02 · Departure in \d+ s/)
  await expect(page.getByTestId('next-episode-play')).toBeFocused()
  await expect(page).toHaveURL(new RegExp(`/watch/${second.id}$`), { timeout: 30 * 1000 })
  await expectPlaysPast(page, 0.5)
  await expect.poll(async () => (await sessionTitle(page))?.title).toBe('S01E02 · Departure')
  // The next episode took the first one's place: Back leads out of the player.
  await page.goBack()
  await expect(page).not.toHaveURL(/\/watch\//)
})

test('a cancelled countdown stays on the episode until "Play now"', async ({ page }) => {
  await openItem(page, first.id)
  await expectPlaysPast(page, 0.5)
  await playToEnd(page)
  await page.getByTestId('next-episode-cancel').click()
  const offer = page.getByTestId('next-episode')
  await expect(offer).toHaveAttribute('data-phase', 'cancelled')
  await expect(offer).toHaveText(/Next: S01E02 · Departure/)
  // Longer than the countdown: still here.
  await page.waitForTimeout(12 * 1000)
  await expect(page).toHaveURL(new RegExp(`/watch/${first.id}$`))
  await page.getByTestId('next-episode-play').click()
  await expect(page).toHaveURL(new RegExp(`/watch/${second.id}$`))
})
