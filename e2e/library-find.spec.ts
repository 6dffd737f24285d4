/**
 * Finding things in a generated library of about 2,000 items (1,000 films, 40 shows × 3
 * seasons × 8 episodes, music, and one show of real clips): the DOM stays bounded however long
 * the library, typing part of a title finds it, a show page lists its seasons in order, the
 * keyboard alone reaches and plays an episode, and finishing it puts the next in "Up next".
 */
import { test, expect, type Page } from '@playwright/test'
import { makeStateDir, removeDir, startSeedNodeProcess, type SeedNodeProcess } from '../seed-node/testing/seed-node-process.ts'
import { fetchCatalogItems } from './support/catalog.ts'
import { makeGeneratedLibrary, type GeneratedLibrary } from './support/generated-library.ts'
import { ensurePaired, expectPlaysPast } from './support/player.ts'
import { recordFor } from './support/device.ts'
import type { CatalogItem } from '../protocol/catalog.ts'

/** Elements the library page may hold, whatever the library's size (the old page had 33,036 at 2,000 items). */
const MAX_DOM_NODES = 3000
const SCREENSHOTS = process.env.HEARTH_SCREENSHOT_DIR ?? null

test.describe.configure({ mode: 'serial' })

let node: SeedNodeProcess
let stateDir: string
let generated: GeneratedLibrary
let items: CatalogItem[]

test.beforeAll(async () => {
  test.setTimeout(600 * 1000)
  generated = await makeGeneratedLibrary({ films: 1000, shows: 40, seasons: 3, episodesPerSeason: 8, tracks: 40 })
  stateDir = await makeStateDir()
  node = await startSeedNodeProcess({ stateDir, library: generated.library, startupTimeoutMs: 540 * 1000 })
  items = await fetchCatalogItems(node)
})

test.afterAll(async () => {
  await node?.stop()
  await removeDir(stateDir)
  await removeDir(generated.library)
})

function itemAt (mediaPathEnd: string): CatalogItem {
  const found = items.find(item => item.mediaPath.endsWith(mediaPathEnd))
  if (!found) throw new Error(`no item ${mediaPathEnd}`)
  return found
}

async function domNodes (page: Page): Promise<number> {
  return await page.evaluate(() => document.getElementsByTagName('*').length)
}

async function openLibrary (page: Page, search = ''): Promise<void> {
  await ensurePaired(page, node)
  await page.goto(node.url + search)
  await expect(page.getByTestId('library-search')).toBeVisible()
}

/** Presses Tab until the focused element matches `selector` (at most `limit` presses). */
async function tabTo (page: Page, selector: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate(s => document.activeElement?.matches(s) ?? false, selector)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${selector}`)
}

test('the home page keeps a bounded DOM at 2,000 items, scrolled to the top or the bottom', async ({ page }) => {
  expect(items.length).toBe(generated.items)
  await page.setViewportSize({ width: 1280, height: 900 })
  await openLibrary(page)
  await expect(page.getByTestId('library-item').first()).toBeVisible()
  const atTop = await domNodes(page)
  if (SCREENSHOTS !== null) await page.screenshot({ path: `${SCREENSHOTS}/library-2000-home.png` })
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
  await expect(page.getByTestId('library-item').getByText('Track 39', { exact: true })).toBeVisible()
  const atBottom = await domNodes(page)
  console.log(`[library-find] DOM nodes at 2,000 items: ${atTop} at the top, ${atBottom} at the bottom`)
  expect(atTop).toBeLessThan(MAX_DOM_NODES)
  expect(atBottom).toBeLessThan(MAX_DOM_NODES)
})

test('typing part of a title finds it, and the query is in the URL so Back returns', async ({ page }) => {
  await openLibrary(page)
  await page.getByTestId('library-search').fill('zanzib')
  const zanzibar = itemAt('Zanzibar Moonlight (1987).mp4')
  await expect(page.locator(`[data-testid="library-item"][data-item-id="${zanzibar.id}"]`)).toBeVisible()
  await expect(page.getByTestId('library-item')).toHaveCount(1)
  await expect(page).toHaveURL(/\?q=zanzib$/)
  if (SCREENSHOTS !== null) await page.screenshot({ path: `${SCREENSHOTS}/library-2000-search.png` })
  await page.getByTestId('library-search').fill('')
  await page.getByTestId('library-kind').selectOption('show')
  await expect(page).toHaveURL(/\?kind=show$/)
  await expect(page.getByTestId('library-item')).toHaveCount(0)
  await page.goBack()
  await expect(page).not.toHaveURL(/kind=show/)
  await expect(page.getByTestId('library-kind')).toHaveValue('all')
})

test('a show page lists its seasons in order, episodes in order', async ({ page }) => {
  await openLibrary(page, '?q=series+07')
  await page.locator('[data-testid="show-card"][data-series="Series 07"]').click()
  await expect(page).toHaveURL(/\/show\/Series%2007$/)
  const seasons = page.getByTestId('show-season')
  await expect(seasons).toHaveCount(3)
  expect(await seasons.evaluateAll(list => list.map(section => section.getAttribute('data-season')))).toEqual(['1', '2', '3'])
  const first = seasons.first().getByTestId('show-episode')
  await expect(first).toHaveCount(8)
  expect(await first.allInnerTexts()).toEqual(Array.from({ length: 8 }, (_, i) => expect.stringContaining(`S01E0${i + 1}`) as unknown as string))
  if (SCREENSHOTS !== null) await page.screenshot({ path: `${SCREENSHOTS}/library-2000-show.png` })
})

test('the keyboard alone reaches and plays an episode; finishing it puts the next in Up next', async ({ page }) => {
  const [first, second] = [itemAt('Tiny Show - S01E01 - Arrival.mp4'), itemAt('Tiny Show - S01E02 - Departure.mp4')]
  await openLibrary(page)
  // Arrow keys move through the grid: right one tile, then down one row.
  await tabTo(page, '.vgrid [data-grid-focus]')
  const focusedIndex = async (): Promise<number> => await page.evaluate(() => Number(document.activeElement?.closest('[data-grid-index]')?.getAttribute('data-grid-index')))
  const start = await focusedIndex()
  await page.keyboard.press('ArrowRight')
  expect(await focusedIndex()).toBe(start + 1)
  await page.keyboard.press('ArrowDown')
  expect(await focusedIndex()).toBeGreaterThan(start + 1)

  await page.goto(node.url)
  await tabTo(page, '[data-testid="library-search"]')
  await page.keyboard.type('tiny show')
  await tabTo(page, '.vgrid [data-grid-focus]')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/show\/Tiny%20Show$/)
  await tabTo(page, '[data-testid="play-next"]')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/watch/${first.id}$`))
  await expectPlaysPast(page, 1)
  await expect.poll(async () => (await recordFor(page, first.id))?.finished, { timeout: 60 * 1000, message: 'the episode should end finished' }).toBe(true)

  await page.goto(node.url)
  await expect(page.locator(`[data-testid="up-next-item"][data-item-id="${second.id}"]`)).toBeVisible()
  if (SCREENSHOTS !== null) await page.screenshot({ path: `${SCREENSHOTS}/library-2000-up-next.png` })
})
