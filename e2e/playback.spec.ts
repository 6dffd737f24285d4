/**
 * A newcomer's first minute: open the app, see the sample library, click a clip and watch
 * it play, streamed from the seed node. Each sample clip must really advance in <video>.
 */
import { test, expect } from '@playwright/test'
import { useSeedNode } from './support/seed-node-fixture.ts'
import { fetchCatalogItems, itemByMediaPath } from './support/catalog.ts'
import { ensurePaired, expectPlaysPast, openItem } from './support/player.ts'

const SAMPLE_CLIPS = [
  'Colour Bars at Dusk (2026).mp4', // H.264/AAC, moov first
  'A Life in Cells (2025).webm', // VP9/Opus
  'Test Pattern Show - S01E01 - Pilot.mp4' // episode with a .vtt beside it
]

const node = useSeedNode()

test('the library page lists every sample clip with title, duration and size', async ({ page }) => {
  const items = await fetchCatalogItems(node)
  expect(items).toHaveLength(SAMPLE_CLIPS.length)
  await ensurePaired(page, node)
  await page.goto(node.url)
  const cards = page.getByTestId('library-item')
  await expect(cards).toHaveCount(SAMPLE_CLIPS.length)
  await expect(page.getByText('Colour Bars at Dusk')).toBeVisible()
  await expect(page.getByText('0:24').first()).toBeVisible()
})

for (const clip of SAMPLE_CLIPS) {
  test(`plays ${clip} streamed from the seed node`, async ({ page }) => {
    const item = await itemByMediaPath(node, clip)
    await openItem(page, node, item.id)
    await expectPlaysPast(page, 2)
    await expect(page.getByTestId('stat-peers')).not.toHaveText(/^0\b/)
  })
}

test('the episode offers its WebVTT subtitles as a text track', async ({ page }) => {
  const item = await itemByMediaPath(node, 'Test Pattern Show - S01E01 - Pilot.mp4')
  expect(item.subtitles.map(track => track.language)).toEqual(['en'])
  await openItem(page, node, item.id)
  await expectPlaysPast(page, 1)
  const tracks = await page.getByTestId('player-video').evaluate((video: HTMLVideoElement) =>
    [...video.textTracks].map(track => ({ kind: track.kind, language: track.language })))
  expect(tracks).toContainEqual({ kind: 'subtitles', language: 'en' })
})
