/**
 * The offline-first catalog on a small library: the app caches the catalog on the device,
 * asks only for what changed on the next start (`?since=`: a delta holding the one added film,
 * then a 304 when nothing changed), and with the catalog unreachable draws the cached copy,
 * the added film included.
 */
import { test, expect, type Page, type Response } from '@playwright/test'
import { copyFile, mkdir, mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { makeStateDir, removeDir, SAMPLE_LIBRARY, startSeedNodeProcess, type SeedNodeProcess } from '../seed-node/testing/seed-node-process.ts'
import { fetchCatalogItems } from './support/catalog.ts'
import { cachedCatalogIds } from './support/catalog-cache.ts'
import { ensurePaired } from './support/player.ts'
import { CatalogUpdate, isCatalogDelta } from '../protocol/catalog-delta.ts'

const FIRST = 'Films/Colour Bars at Dusk (2026).mp4'
const ADDED = 'Films/A Life in Cells (2025).webm'

test.describe.configure({ mode: 'serial' })

let node: SeedNodeProcess
let stateDir: string
let library: string

test.beforeAll(async () => {
  library = await mkdtemp(path.join(os.tmpdir(), 'hearth-e2e-catalog-cache-'))
  await mkdir(path.join(library, 'Films'))
  await copyFile(path.join(SAMPLE_LIBRARY, FIRST), path.join(library, FIRST))
  stateDir = await makeStateDir()
  node = await startSeedNodeProcess({ stateDir, library, args: ['--rescan-interval', '5'] })
})

test.afterAll(async () => {
  await node?.stop()
  await removeDir(stateDir)
  await removeDir(library)
})

function card (page: Page, title: string) {
  return page.getByTestId('library-item').filter({ hasText: title })
}

/** The answers to the catalog requests the page makes from now on. */
function catalogReplies (page: Page): Response[] {
  const replies: Response[] = []
  page.on('response', response => { if (new URL(response.url()).pathname === '/api/catalog') replies.push(response) })
  return replies
}

test('the next start asks only for what changed: the added film, then nothing (304)', async ({ page }) => {
  await ensurePaired(page, node)
  await page.goto(node.url)
  await expect(card(page, 'Colour Bars at Dusk')).toBeVisible()
  await expect.poll(async () => (await cachedCatalogIds(page))?.length, { message: 'the catalog should be cached on the device' }).toBe(1)

  await copyFile(path.join(SAMPLE_LIBRARY, ADDED), path.join(library, ADDED))
  await expect.poll(async () => (await fetchCatalogItems(node)).length, { timeout: 60 * 1000, message: 'the seed node should find the added film' }).toBe(2)
  const added = (await fetchCatalogItems(node)).find(item => item.mediaPath.endsWith('.webm'))

  const replies = catalogReplies(page)
  await page.reload()
  await expect(card(page, 'A Life in Cells')).toBeVisible()
  await expect.poll(() => replies.length).toBeGreaterThan(0)
  const delta = replies[0]
  expect(new URL(delta?.url() ?? '').searchParams.get('since')).toMatch(/\.\d+\./)
  const update = CatalogUpdate.parse(await delta?.json())
  if (!isCatalogDelta(update)) throw new Error('the seed node should answer a delta')
  expect(update.changed.map(item => item.id)).toEqual([added?.id])
  expect(update.removed).toEqual([])

  // The cache now holds the delta's result: the next start is a 304.
  await expect.poll(async () => await cachedCatalogIds(page), { message: 'the cache should hold the delta’s result' }).toContain(added?.id)
  const again = catalogReplies(page)
  await page.reload()
  await expect(card(page, 'A Life in Cells')).toBeVisible()
  await expect.poll(() => again.map(reply => reply.status())).toEqual([304])
})

test('offline start: with the catalog unreachable, the cached library is drawn, the added film included', async ({ page }) => {
  await ensurePaired(page, node)
  await page.goto(node.url)
  await expect(card(page, 'A Life in Cells')).toBeVisible()
  await expect.poll(async () => (await cachedCatalogIds(page))?.length).toBe(2)
  let refused = 0
  // The context's route, not the page's: it also sees what the service worker fetches.
  await page.context().route('**/api/catalog**', async route => {
    refused++
    await route.abort('internetdisconnected')
  })
  await page.reload()
  await expect(card(page, 'Colour Bars at Dusk')).toBeVisible()
  await expect(card(page, 'A Life in Cells')).toBeVisible()
  await expect.poll(() => refused, { message: 'the app should still ask the seed node' }).toBeGreaterThan(0)
})
