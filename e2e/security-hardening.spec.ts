/**
 * Hardening seen from a browser: the app runs under its strict Content-Security-Policy with
 * no violation (and every response carries the security headers), and a page on another
 * origin that fires `<img>` and WebSocket requests with wrong tokens at the seed node gets
 * nobody banned: the owner's tab, in the same browser, still plays.
 */
import { test, expect, type Page } from '@playwright/test'
import { useSeedNode } from './support/seed-node-fixture.ts'
import { itemByMediaPath } from './support/catalog.ts'
import { expectPlaysPast, openItem } from './support/player.ts'
import { startHostileSite } from './support/hostile-site.ts'
import { api } from '../seed-node/testing/seed-node-api.ts'

const CLIP = 'Colour Bars at Dusk (2026).mp4'
/** Strict bans, so that the cross-site requests below would earn one if they counted. */
const node = useSeedNode({ args: ['--ban-max-retry', '2'] })

/** Collects CSP violations: the DOM event (set up before any page script) and Chromium's console report. */
async function watchViolations (page: Page): Promise<string[]> {
  const violations: string[] = []
  await page.exposeFunction('__reportCspViolation', (text: string) => { violations.push(text) })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', event => {
      void (window as unknown as { __reportCspViolation: (text: string) => Promise<void> }).__reportCspViolation(`${event.violatedDirective} ${event.blockedURI}`)
    })
  })
  page.on('console', message => { if (/Content Security Policy/i.test(message.text())) violations.push(message.text()) })
  return violations
}

test('the app plays under its CSP with no violation, and its responses carry the security headers', async ({ page }) => {
  const violations = await watchViolations(page)
  const item = await itemByMediaPath(node, CLIP)
  const documentResponse = await page.goto(node.url)
  const headers = documentResponse?.headers() ?? {}
  expect(headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/)
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' })
  await openItem(page, node, item.id)
  await expectPlaysPast(page, 2)
  await page.reload()
  await expect(page.getByTestId('player-video')).toBeVisible()
  expect(violations).toEqual([])
})

interface TrackerCounters { notCounted: number, bansActive: number, bansTotal: number }

/** The tracker counters from `/api/status` (the tracker owns their shape; read narrowly here). */
async function trackerCounters (): Promise<TrackerCounters> {
  const reply = await api({ url: node.url, credential: node.credential }, 'GET', '/api/status')
  const tracker = reply.json.tracker as { refused?: { notCounted?: number }, bans?: { active?: number, total?: number } } | undefined
  return { notCounted: tracker?.refused?.notCounted ?? -1, bansActive: tracker?.bans?.active ?? -1, bansTotal: tracker?.bans?.total ?? -1 }
}

test("a page on another origin firing wrong tokens gets nobody banned, and the owner's tab still plays", async ({ page, context }) => {
  const item = await itemByMediaPath(node, CLIP)
  await openItem(page, node, item.id)
  // `localhost` is another origin than the seed node's 127.0.0.1.
  const hostile = await startHostileSite(new URL(node.url), '127.0.0.1', 'localhost')
  try {
    const before = await trackerCounters()
    const visited = await context.newPage()
    await visited.goto(hostile.url)
    // The six sockets were refused without counting; the images are answered too.
    await expect.poll(async () => (await trackerCounters()).notCounted - before.notCounted).toBeGreaterThanOrEqual(6)
    await expect.poll(async () => await visited.evaluate(() => [...document.images].every(image => image.complete))).toBe(true)
    expect(await trackerCounters()).toMatchObject({ bansActive: 0, bansTotal: 0 })
    await visited.close()
    await page.reload()
    await expectPlaysPast(page, 2)
    await expect(page.getByText(/refused this device/i)).toHaveCount(0)
  } finally {
    await hostile.close()
  }
})
