/**
 * What the disk says, as a household sees it in real Chromium: a film's NFO title, year and
 * plot and its poster.jpg; a video with no picture shows a frame made by ffmpeg; an MP3's ID3
 * tags give its title, artist and album and its embedded cover; a sample is not listed; a
 * trailer is listed under its film, not in the grid. Pictures must have loaded
 * (`naturalWidth` > 0), not just be in the DOM. `HEARTH_SCREENSHOT_DIR` keeps a screenshot.
 */
import { test, expect, type Page } from '@playwright/test'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { removeDir, makeStateDir, startSeedNodeProcess, type SeedNodeProcess } from '../seed-node/testing/seed-node-process.ts'
import { makeClip, makeMetadataLibrary, makePoster, METADATA_LIBRARY } from '../seed-node/testing/metadata-library.ts'
import { fetchCatalogItems, findItem } from './support/catalog.ts'
import { cardOf, expectPictureLoaded } from './support/library-cards.ts'
import { ensurePaired } from './support/player.ts'
import type { CatalogItem } from '../protocol/catalog.ts'

const SCREENSHOTS = process.env.HEARTH_SCREENSHOT_DIR ?? null

test.describe.configure({ mode: 'serial' })

let node: SeedNodeProcess
let stateDir: string
let library: string
let items: CatalogItem[]

/** A few more films and a show (two episodes make a show card) with pictures, so the grid looks like a library. */
async function addNeighbours (root: string): Promise<void> {
  const films: Array<[string, string]> = [['Night Harbour (2003)', 'rgbtestsrc'], ['Paper Moons (1987)', 'testsrc'], ['Glass Orchard (2021)', 'smptebars']]
  for (const [name, source] of films) {
    await makeClip(path.join(root, 'Films', name, `${name}.mp4`), source, 2)
    await makePoster(path.join(root, 'Films', name, 'folder.jpg'), 400)
  }
  for (const episode of ['S01E01', 'S01E02']) await makeClip(path.join(root, 'Shows', 'Tide Tables', 'Season 01', `Tide Tables ${episode}.mp4`), 'testsrc2', 2)
  await makePoster(path.join(root, 'Shows', 'Tide Tables', 'poster.jpg'), 400)
  await writeFile(path.join(root, 'Shows', 'Tide Tables', 'tvshow.nfo'), '<tvshow><title>Tide Tables</title><year>2019</year></tvshow>')
}

test.beforeAll(async () => {
  test.setTimeout(240 * 1000)
  library = await makeMetadataLibrary()
  await addNeighbours(library)
  stateDir = await makeStateDir()
  node = await startSeedNodeProcess({ stateDir, library, startupTimeoutMs: 180 * 1000 })
  items = await fetchCatalogItems(node)
})

test.afterAll(async () => {
  await node?.stop()
  await removeDir(stateDir)
  await removeDir(library)
})

function itemAt (mediaPath: string): CatalogItem {
  return findItem(items, path.posix.basename(mediaPath))
}

async function openLibrary (page: Page): Promise<void> {
  await ensurePaired(page, node)
  await page.goto(node.url)
  await expect(page.getByTestId('library-search')).toBeVisible()
}

test('the grid shows posters, frames and covers as loaded pictures, with NFO and tag names', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await openLibrary(page)
  const film = cardOf(page, itemAt(METADATA_LIBRARY.film))
  await expect(film.locator('.card__title')).toHaveText(METADATA_LIBRARY.nfoTitle)
  await expect(film.locator('.card__year')).toHaveText(String(METADATA_LIBRARY.nfoYear))
  const track = cardOf(page, itemAt(METADATA_LIBRARY.track))
  await expect(track.locator('.card__title')).toHaveText(METADATA_LIBRARY.trackTitle)
  await expect(track).toContainText(`${METADATA_LIBRARY.artist} · ${METADATA_LIBRARY.album}`)
  const widths = {
    poster: await expectPictureLoaded(film),
    frame: await expectPictureLoaded(cardOf(page, itemAt(METADATA_LIBRARY.frameFilm))),
    cover: await expectPictureLoaded(track),
    show: await expectPictureLoaded(page.locator('[data-testid="show-card"][data-series="Tide Tables"]'))
  }
  console.log(`[library-metadata] picture widths: ${JSON.stringify(widths)}`)
  // Every card has the same picture box, loaded or not: the virtual grid's rows do not jump.
  const heights = await page.locator('.card__poster').evaluateAll(boxes => boxes.map(box => Math.round(box.getBoundingClientRect().height)))
  expect(new Set(heights).size).toBe(1)
  // Grid pictures are made small: none is the poster's original 600 px width.
  expect(Math.max(...Object.values(widths))).toBeLessThanOrEqual(480)
  await page.evaluate(async () => await document.fonts.ready)
  if (SCREENSHOTS !== null) await page.screenshot({ path: `${SCREENSHOTS}/library-metadata-grid.png`, fullPage: true })
})

test('a sample is not in the grid, and a trailer is listed under its film with the NFO plot', async ({ page }) => {
  expect(items.some(item => item.mediaPath.toLowerCase().includes('sample'))).toBe(false)
  const trailer = itemAt(METADATA_LIBRARY.trailer)
  const film = itemAt(METADATA_LIBRARY.film)
  await openLibrary(page)
  await expect(cardOf(page, film)).toBeVisible()
  await expect(page.locator(`[data-testid="library-item"][data-item-id="${trailer.id}"]`)).toHaveCount(0)
  await expect(page.getByTestId('library-item').filter({ hasText: /sample/i })).toHaveCount(0)
  await cardOf(page, film).getByTestId('library-item').click()
  await expect(page).toHaveURL(new RegExp(`/watch/${film.id}$`))
  const details = page.getByTestId('item-details')
  await expect(details).toContainText(METADATA_LIBRARY.nfoPlot)
  await expect(details).toContainText('Adventure, Drama')
  const extra = details.getByTestId('item-extra')
  await expect(extra).toHaveCount(1)
  await expect(extra).toContainText('Trailer')
  await expect(extra).toContainText('Teaser')
  if (SCREENSHOTS !== null) await page.screenshot({ path: `${SCREENSHOTS}/library-metadata-film.png`, fullPage: true })
  await extra.click()
  await expect(page).toHaveURL(new RegExp(`/watch/${trailer.id}$`))
  await expect(page.getByTestId('player-video')).toBeVisible()
})
