/** A library grid card as tests find it, and its picture once it has really loaded. */
import { expect, type Locator, type Page } from '@playwright/test'
import type { CatalogItem } from '../../protocol/catalog.ts'

export function cardOf (page: Page, item: CatalogItem): Locator {
  return page.locator(`.card:has([data-testid="library-item"][data-item-id="${item.id}"])`)
}

/** Waits until the card's picture has loaded and decoded (naturalWidth > 0); returns that width. */
export async function expectPictureLoaded (scope: Locator): Promise<number> {
  const image = scope.getByTestId('poster-image')
  await image.scrollIntoViewIfNeeded()
  await expect.poll(async () => await image.evaluate((img: HTMLImageElement) => img.complete ? img.naturalWidth : 0), { timeout: 60 * 1000 }).toBeGreaterThan(0)
  return await image.evaluate((img: HTMLImageElement) => img.naturalWidth)
}
