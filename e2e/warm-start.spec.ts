/**
 * Issue 14's warm start: a card the pointer rests on has its torrent added before the click
 * (its .torrent fetched, the web seed and a WebRTC wire to the seed node open), the player
 * then takes that torrent over, at most two cards are warm at once, and the ones not played
 * are removed when the user leaves the library. Asserted on the page's counters, its
 * torrent list and the order of its performance marks; nothing on a time.
 */
import { test, expect, type Page } from '@playwright/test'
import os from 'node:os'
import path from 'node:path'
import { mkdtemp } from 'node:fs/promises'
import { makeStateDir, removeDir, startSeedNodeProcess, type SeedNodeProcess } from '../seed-node/testing/seed-node-process.ts'
import type { CatalogItem } from '../protocol/catalog.ts'
import { fetchCatalogItems, findItem } from './support/catalog.ts'
import { expectOutboxEmpty, recordFor } from './support/device.ts'
import { ensurePaired, expectPlaysPast } from './support/player.ts'
import { makeSmallClip } from './support/test-clips.ts'

test.describe.configure({ mode: 'serial' })

const CLIPS = ['Warm One.mp4', 'Warm Two.mp4', 'Warm Three.mp4']

let node: SeedNodeProcess
let stateDir: string
let library: string
let items: CatalogItem[]
/** Items an earlier test played, whose position the seed node holds. */
const played: CatalogItem[] = []

test.beforeAll(async () => {
  test.setTimeout(120 * 1000)
  library = await mkdtemp(path.join(os.tmpdir(), 'hearth-e2e-warm-'))
  for (const [index, name] of CLIPS.entries()) await makeSmallClip(path.join(library, 'Films', name), 8, 300 + 100 * index)
  stateDir = await makeStateDir()
  node = await startSeedNodeProcess({ stateDir, library })
  const catalog = await fetchCatalogItems(node)
  items = CLIPS.map(name => findItem(catalog, name))
})

test.afterAll(async () => {
  await node?.stop()
  await removeDir(stateDir)
  await removeDir(library)
})

const card = (page: Page, item: CatalogItem) => page.locator(`[data-testid="library-item"][data-item-id="${item.id}"]`)
const continueCard = (page: Page, item: CatalogItem) => page.locator(`[data-testid="continue-item"][data-item-id="${item.id}"]`)
const warmState = async (page: Page) => await page.evaluate(() => window.__hearth?.warmTorrents() ?? { warm: [], warmed: 0, claimed: 0, released: 0 })
const torrentIds = async (page: Page) => (await page.evaluate(() => window.__hearth?.torrents() ?? [])).map(torrent => torrent.infoHash)
const wireTypes = async (page: Page, infoHash: string) => (await page.evaluate(() => window.__hearth?.wires() ?? [])).filter(wire => wire.infoHash === infoHash).map(wire => wire.type)

async function openLibrary (page: Page): Promise<void> {
  await ensurePaired(page, node)
  await page.goto(node.url)
  await expect(card(page, items[0]!)).toBeVisible()
  // A new browser gets the positions of earlier plays through the sync swarm, a moment after
  // the grid shows; their "Continue watching" row then pushes the grid down. Hovering before
  // it lands would have the card move away from under the pointer, as it would for a user.
  for (const item of played) await expect(continueCard(page, item)).toBeVisible()
}

/** Pauses and waits until the seed node holds the position, so every later page shows it. */
async function leavePositionWithSeedNode (page: Page, item: CatalogItem): Promise<void> {
  await page.locator('video').evaluate(video => { (video as HTMLVideoElement).pause() })
  await expect.poll(async () => (await recordFor(page, item.id))?.positionSec ?? 0).toBeGreaterThanOrEqual(1)
  await expectOutboxEmpty(page)
  played.push(item)
}

test('a hovered card has its torrent and a WebRTC wire before play is pressed, and the player takes it over', async ({ page }) => {
  const [item] = items as [CatalogItem]
  await openLibrary(page)
  await card(page, item).hover()
  await expect.poll(async () => await torrentIds(page), { message: 'hovering should add the torrent' }).toContain(item.id)
  await expect.poll(async () => await wireTypes(page, item.id), { message: 'the warm torrent should get a WebRTC wire to the seed node', timeout: 30 * 1000 }).toContain('webrtc')
  expect((await page.evaluate(() => window.__hearth?.torrents() ?? [])).find(t => t.infoHash === item.id)?.metadataFrom).toBe('torrent-file')
  expect(await warmState(page)).toMatchObject({ warm: [item.id], warmed: 1, claimed: 0 })

  await page.evaluate(() => document.addEventListener('click', () => performance.mark('test:click'), { capture: true, once: true }))
  await card(page, item).click()
  await expectPlaysPast(page, 1)
  const order = await page.evaluate(() => ['hearth:warm-ready', 'test:click', 'hearth:stream-start'].map(name => performance.getEntriesByName(name)[0]?.startTime ?? NaN))
  expect(order.every(Number.isFinite)).toBe(true)
  expect([...order].sort((a, b) => a - b)).toEqual(order)
  expect(await warmState(page)).toMatchObject({ warm: [], warmed: 1, claimed: 1, released: 0 })
  expect(await torrentIds(page)).toContain(item.id)
  await leavePositionWithSeedNode(page, item)
})

test('at most two cards are warm, and those not played are removed when the library is left', async ({ page }) => {
  const [first, second, third] = items as [CatalogItem, CatalogItem, CatalogItem]
  await openLibrary(page)
  for (const item of [first, second]) {
    await card(page, item).hover()
    await expect.poll(async () => await torrentIds(page)).toContain(item.id)
  }
  await card(page, third).hover()
  await expect.poll(async () => await torrentIds(page), { message: 'warming a third card should remove the oldest' }).not.toContain(first.id)
  expect((await warmState(page)).warm).toEqual([second.id, third.id])
  await expect.poll(async () => await torrentIds(page)).toContain(third.id)

  await card(page, third).click()
  await expectPlaysPast(page, 1)
  await expect.poll(async () => await torrentIds(page), { message: 'leaving the library should remove the warm torrent not played' }).not.toContain(second.id)
  expect(await torrentIds(page)).toContain(third.id)
  expect(await warmState(page)).toMatchObject({ warm: [], warmed: 3, claimed: 1, released: 2 })
})
