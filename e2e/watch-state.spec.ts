/**
 * Resume where you stopped, on every device, through the swarm: two Chromium profiles as
 * the household's laptop and phone, paired to one seed node. The seed node is the
 * household's memory when the other device is off.
 */
import { test, expect } from '@playwright/test'
import { makeStateDir, removeDir, startSeedNodeProcess, type SeedNodeProcess } from '../seed-node/testing/seed-node-process.ts'
import { itemByMediaPath } from './support/catalog.ts'
import { openItem, playToAndPause, playbackStartedAt } from './support/player.ts'
import { disposeDevices, expectOutboxEmpty, expectSyncedWithSeedNode, openSyncedDevice, recordFor, watchState, type Device } from './support/device.ts'
import type { CatalogItem } from '../protocol/catalog.ts'

const CLIP = 'Colour Bars at Dusk (2026).mp4'

test.describe.configure({ mode: 'serial' })

let node: SeedNodeProcess
let stateDir: string
let item: CatalogItem
const devices: Device[] = []

test.beforeAll(async () => {
  stateDir = await makeStateDir()
  node = await startSeedNodeProcess({ stateDir })
  item = await itemByMediaPath(node, CLIP)
})

test.afterAll(async () => {
  await disposeDevices(devices)
  await node?.stop()
  await removeDir(stateDir)
})

async function device (name: string): Promise<Device> {
  return await openSyncedDevice(name, node.pairingLink, devices)
}

async function continueAt (phone: Device): Promise<number> {
  const card = phone.page.locator(`[data-testid="continue-item"][data-item-id="${item.id}"]`)
  await expect(card).toBeVisible()
  await card.click()
  return await playbackStartedAt(phone.page)
}

test('pausing on the laptop shows up on the phone, which resumes at the same second', async () => {
  const laptop = await device('laptop')
  const phone = await device('phone')

  await openItem(laptop.page, node, item.id)
  const pausedAt = await playToAndPause(laptop.page, 5)
  await expectOutboxEmpty(laptop.page)

  await phone.page.goto(node.url)
  const startedAt = await continueAt(phone)
  expect(Math.abs(startedAt - pausedAt)).toBeLessThanOrEqual(1)
})

test('with the laptop off, the phone learns the laptop\'s last position from the seed node', async () => {
  const [laptop, phone] = devices as [Device, Device]
  await phone.close()

  await openItem(laptop.page, node, item.id)
  const pausedAt = await playToAndPause(laptop.page, 8)
  await expectOutboxEmpty(laptop.page)
  await laptop.close()

  const page = await phone.reopen()
  await page.goto(node.url)
  await expectSyncedWithSeedNode(page)
  // The phone still holds its own older record: wait for the laptop's to arrive before continuing.
  await expect.poll(async () => Math.abs(((await recordFor(page, item.id))?.positionSec ?? -100) - pausedAt)).toBeLessThanOrEqual(1)
  const startedAt = await continueAt(phone)
  expect(Math.abs(startedAt - pausedAt)).toBeLessThanOrEqual(1)
  await phone.close()
})

test('two devices that changed the same item while offline converge to the later change', async () => {
  const [laptop, phone] = devices as [Device, Device]
  const port = node.port
  await node.stop()

  // Offline: the app shell and catalog come from the service worker's cache.
  for (const [device, action] of [[laptop, 'mark-watched'], [phone, 'mark-unwatched']] as const) {
    const page = await device.reopen()
    await page.goto(node.url)
    const card = page.locator(`[data-testid="library-item"][data-item-id="${item.id}"]`)
    await expect(card).toBeVisible()
    // A card offers one action: a started item "Mark watched"; so to leave it unwatched the
    // phone marks it watched first, then unwatched (its last change, later than the laptop's).
    const actions = page.locator('.card').filter({ has: card })
    if (action === 'mark-unwatched') await actions.getByTestId('mark-watched').click()
    await actions.getByTestId(action).click()
    await expect.poll(async () => (await recordFor(page, item.id))?.finished).toBe(action === 'mark-watched')
    await device.close()
  }

  node = await startSeedNodeProcess({ stateDir, port })
  const laptopPage = await laptop.reopen()
  const phonePage = await phone.reopen()
  await laptopPage.goto(node.url)
  await phonePage.goto(node.url)
  await expectSyncedWithSeedNode(laptopPage)
  await expectSyncedWithSeedNode(phonePage)
  await expect.poll(async () => {
    const [a, b] = [await recordFor(laptopPage, item.id), await recordFor(phonePage, item.id)]
    return a !== undefined && JSON.stringify(a) === JSON.stringify(b) ? a.finished : 'differ'
  }, { message: 'both devices should hold the same record', timeout: 45 * 1000 }).toBe(false) // the phone changed last
  expect(await watchState(laptopPage)).toEqual(await watchState(phonePage))
  await laptop.close()
  await phone.close()
})

test('a record the seed node acknowledged survives SIGKILL of the seed node', async () => {
  const [laptop] = devices as [Device, Device]
  const page = await laptop.reopen()
  await openItem(page, node, item.id)
  const pausedAt = await playToAndPause(page, 3)
  await expectOutboxEmpty(page)
  await laptop.close()

  const port = node.port
  await node.kill()
  node = await startSeedNodeProcess({ stateDir, port })

  const tablet = await device('tablet')
  await tablet.page.goto(node.url)
  const startedAt = await continueAt(tablet)
  expect(Math.abs(startedAt - pausedAt)).toBeLessThanOrEqual(1)
})
