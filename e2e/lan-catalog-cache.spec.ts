/**
 * The offline-first catalog from another host (issue 13), on the test LAN: a device pairs over
 * HTTPS, sees the library (which the app caches on the device), and after the seed node has
 * stopped, a reload still draws the library from the device's copy, the app shell coming from
 * the service worker.
 */
import { test, expect } from '@playwright/test'
import { serialOnTestLan } from './lan/lan-spec.ts'
import { useHouseholdLan } from './lan/household-lan-fixture.ts'
import { lanItemByMediaPath } from './lan/lan-api.ts'
import { cachedCatalogIds } from './support/catalog-cache.ts'
import type { CatalogItem } from '../protocol/catalog.ts'

serialOnTestLan()

const { household, openPairedDevice } = useHouseholdLan()
let item: CatalogItem

test.beforeAll(async () => {
  item = await lanItemByMediaPath(household().api, 'Colour Bars at Dusk (2026).mp4')
})

test('a device on the LAN draws the cached library with the seed node stopped', async () => {
  const { node } = household()
  const { page } = await openPairedDevice('deviceA')
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
