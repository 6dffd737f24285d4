/**
 * The offline-first catalog from another host (issue 13), on the test LAN: a device pairs over
 * HTTPS, sees the library (which the app caches on the device), and after the seed node has
 * stopped, a reload still draws the library from the device's copy, the app shell coming from
 * the service worker.
 */
import { test, expect } from '@playwright/test'
import { canBuildTestLan } from './lan/test-lan.ts'
import { startHouseholdLan, type HouseholdLan } from './lan/household-lan.ts'
import { openLanDevice, type LanDevice } from './lan/lan-device.ts'
import { lanItemByMediaPath } from './lan/lan-api.ts'
import { cachedCatalogIds } from './support/catalog-cache.ts'
import type { CatalogItem } from '../protocol/catalog.ts'

test.skip(!canBuildTestLan(), 'the test LAN needs root inside the test namespace (npm run test:e2e)')
test.describe.configure({ mode: 'serial' })

let household: HouseholdLan
let item: CatalogItem
let device: LanDevice | undefined

test.beforeAll(async () => {
  test.setTimeout(180 * 1000)
  household = await startHouseholdLan()
  item = await lanItemByMediaPath(household.api, 'Colour Bars at Dusk (2026).mp4')
})

test.afterAll(async () => {
  await device?.dispose()
  await household?.close()
})

test('a device on the LAN draws the cached library with the seed node stopped', async () => {
  const { node } = household
  device = await openLanDevice('deviceA', household.lan.deviceA, { trustedCaFiles: [household.caFile] })
  const { page } = device
  await page.goto(node.pairingLink)
  await expect.poll(async () => await page.evaluate(() => window.__hearth?.paired() ?? false), { message: 'the printed pairing link should pair this device' }).toBe(true)
  await page.goto(node.url)
  const card = page.locator(`[data-testid="library-item"][data-item-id="${item.id}"]`)
  await expect(card).toBeVisible()
  await expect.poll(async () => await cachedCatalogIds(page), { message: 'the catalog should be cached on the device' }).toContain(item.id)
  await page.evaluate(async () => { await navigator.serviceWorker.ready })

  await node.stop()
  await page.reload()
  await expect(card).toBeVisible()
  await expect(page.getByTestId('library-search')).toBeVisible()
})
