/** What the e2e tests ask of the app's cached catalog (app/lib/catalog/catalog-cache.ts), through `window.__hearth`. */
import type { Page } from '@playwright/test'

/** The ids in the catalog cached on this device, or null when none is. */
export async function cachedCatalogIds (page: Page): Promise<string[] | null> {
  return await page.evaluate(async () => (await window.__hearth?.cachedCatalog())?.ids ?? null)
}
