/**
 * Chromium for the benchmarks: Debian's binary with the e2e flags (loopback WebRTC, no
 * background networking), fresh contexts for cold runs, and pairing a context with the
 * household through the pairing link as a user would.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium.ts'

/**
 * tsx (esbuild, keepNames) wraps named functions inside page.evaluate bodies in
 * `__name(...)`, which the page does not have; this defines it as the identity.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name ??= (fn) => fn'

export async function launchBrowser (): Promise<Browser> {
  return await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
}

export async function launchPersistent (profileDir: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, serviceWorkers: 'allow' })
  await context.addInitScript(KEEP_NAMES_SHIM)
  return context
}

/** Polls `predicate` in Node until it is true; throws with `what` after `timeoutMs`. */
export async function until (what: string, predicate: () => Promise<boolean>, timeoutMs = 30 * 1000, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await predicate().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, everyMs))
  }
}

/** Opens the pairing link and waits until the page holds the key and the service worker is ready. */
export async function pairPage (page: Page, pairingLink: string): Promise<void> {
  await page.goto(pairingLink)
  await until('the page to pair', async () => await page.evaluate(() => window.__hearth?.paired() ?? false))
  await page.evaluate(async () => { await navigator.serviceWorker.ready })
}

/** Waits until the library shows the card of `itemId`. */
export async function waitForCard (page: Page, itemId: string, timeoutMs = 30 * 1000): Promise<void> {
  await page.locator(`[data-testid="library-item"][data-item-id="${itemId}"]`).waitFor({ timeout: timeoutMs })
}

export async function withContext<T> (browser: Browser, body: (context: BrowserContext, page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext()
  await context.addInitScript(KEEP_NAMES_SHIM)
  try {
    return await body(context, await context.newPage())
  } finally {
    await context.close().catch(() => {})
  }
}
