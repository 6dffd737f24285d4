/**
 * A generated library of 10,000 items (5,000 films, 100 shows × 4 seasons × 10 episodes in
 * season folders, 997 tracks, and one show of real clips): the home page shows with a DOM that
 * stays bounded at the top and the bottom, typing part of a title finds it, and after a reload
 * with the catalog unreachable the library is drawn from the copy cached on the device
 * (offline start). Latencies are logged, never asserted (bench/ has the figures).
 *
 * The seed node runs without ffprobe (HEARTH_FFPROBE names no program, as on a router without
 * ffmpeg): probing 10,000 files would take minutes, and this spec is about the catalog.
 */
import { test, expect, type Page } from '@playwright/test'
import { makeStateDir, removeDir, startSeedNodeProcess, type SeedNodeProcess } from '../seed-node/testing/seed-node-process.ts'
import { launcherWithEnv } from '../seed-node/testing/cli-process.ts'
import { fetchCatalogItems } from './support/catalog.ts'
import { makeGeneratedLibrary, type GeneratedLibrary } from './support/generated-library.ts'
import { ensurePaired } from './support/player.ts'
import { cachedCatalogIds } from './support/catalog-cache.ts'
import type { CatalogItem } from '../protocol/catalog.ts'

const SHAPE = { films: 5000, shows: 100, seasons: 4, episodesPerSeason: 10, tracks: 997 }
/** Elements the library page may hold, whatever the library's size. */
const MAX_DOM_NODES = 3000

test.describe.configure({ mode: 'serial' })

let node: SeedNodeProcess
let stateDir: string
let generated: GeneratedLibrary
let items: CatalogItem[]

test.beforeAll(async () => {
  test.setTimeout(900 * 1000)
  generated = await makeGeneratedLibrary(SHAPE)
  stateDir = await makeStateDir()
  node = await startSeedNodeProcess({
    stateDir,
    library: generated.library,
    startupTimeoutMs: 840 * 1000,
    launch: launcherWithEnv({ HEARTH_FFPROBE: '/nonexistent/hearth-no-ffprobe' })
  })
  items = await fetchCatalogItems(node)
})

test.afterAll(async () => {
  await node?.stop()
  await removeDir(stateDir)
  await removeDir(generated.library)
})

async function domNodes (page: Page): Promise<number> {
  return await page.evaluate(() => document.getElementsByTagName('*').length)
}

async function openLibrary (page: Page): Promise<void> {
  await ensurePaired(page, node)
  await page.goto(node.url)
  await expect(page.getByTestId('library-item').first()).toBeVisible({ timeout: 60 * 1000 })
}

test('the home page shows 10,000 items with a bounded DOM, at the top and at the bottom', async ({ page }) => {
  expect(items).toHaveLength(10_000)
  await page.setViewportSize({ width: 1280, height: 900 })
  await openLibrary(page)
  const atTop = await domNodes(page)
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
  await expect(page.getByTestId('library-item').getByText('Track 996', { exact: true })).toBeVisible()
  const atBottom = await domNodes(page)
  console.log(`[library-10k] DOM elements at 10,000 items: ${atTop} at the top, ${atBottom} at the bottom`)
  expect(atTop).toBeLessThan(MAX_DOM_NODES)
  expect(atBottom).toBeLessThan(MAX_DOM_NODES)
})

test('typing part of a title finds it among 10,000', async ({ page }) => {
  await openLibrary(page)
  const zanzibar = items.find(item => item.title.startsWith('Zanzibar Moonlight'))
  if (zanzibar === undefined) throw new Error('the generated library has no Zanzibar Moonlight')
  const search = page.getByTestId('library-search')
  const started = Date.now()
  await search.pressSequentially('zanzib')
  await expect(page.locator(`[data-testid="library-item"][data-item-id="${zanzibar.id}"]`)).toBeVisible()
  await expect(page.getByTestId('library-item')).toHaveCount(1)
  console.log(`[library-10k] six keystrokes to the one result: ${Date.now() - started} ms (logged, not asserted)`)
  await search.fill('generated film 4999')
  await expect(page.getByTestId('library-item').getByText('Generated Film 4999 (')).toBeVisible()
})

test('offline start: with the catalog unreachable, a reload draws the cached 10,000 items', async ({ page }) => {
  await openLibrary(page)
  // The catalog is cached once the network copy has arrived; wait for the write to land.
  await expect.poll(async () => (await cachedCatalogIds(page))?.length, { message: 'the catalog should be cached on the device' }).toBe(items.length)
  let refused = 0
  // The context's route, not the page's: it also sees what the service worker fetches.
  await page.context().route('**/api/catalog**', async route => {
    refused++
    await route.abort('internetdisconnected')
  })
  await page.reload()
  await expect(page.getByTestId('library-item').first()).toBeVisible()
  await expect.poll(() => refused, { message: 'the app should still ask the seed node' }).toBeGreaterThan(0)
  await page.getByTestId('library-search').fill('track 996')
  await expect(page.getByTestId('library-item').getByText('Track 996', { exact: true })).toBeVisible()
  expect(await domNodes(page)).toBeLessThan(MAX_DOM_NODES)
})
