/**
 * The app under a strict Content-Security-Policy (issue 11): no inline script, no eval, every
 * script and worker from the app's own origin. A real household path runs under it — pair,
 * library, "Add a device" (QR codes are data: images), play an episode with subtitles (the
 * service worker, WebTorrent, the tracker's WebSocket, a blob: text track), and a reload
 * answered from the service worker's precache — and no violation may be reported, neither
 * by the page (`securitypolicyviolation`, console) nor through `report-uri` (which also
 * covers the service worker).
 *
 * 1. `APP_CSP` is added by a proxy in front of the seed node (support/app-csp-proxy.ts): the
 *    policy the app is known to pass, for the seed node to send.
 * 2. The same path straight against the seed node: once it sends its own CSP header, any
 *    violation of that policy fails here too.
 */
import { test, expect, type Page } from '@playwright/test'
import { useSeedNode } from './support/seed-node-fixture.ts'
import { itemByMediaPath } from './support/catalog.ts'
import { startCspProxy, type CspProxy } from './support/app-csp-proxy.ts'
import { expectPlaysPast, openItem, type PairableNode } from './support/player.ts'

/** What the app needs, directive by directive (the report to the seed node's hardening names why). */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'"
].join('; ')

const EPISODE = 'Test Pattern Show - S01E01 - Pilot.mp4'

const node = useSeedNode()
let proxy: CspProxy | null = null

test.beforeAll(async () => { proxy = await startCspProxy(node, APP_CSP) })
test.afterAll(async () => { await proxy?.close() })

interface Violations { readonly page: string[] }

/** Collects violations the page sees: the DOM event (from the first script on) and console refusals. */
async function watchViolations (page: Page): Promise<Violations> {
  const seen: Violations = { page: [] }
  await page.exposeFunction('__hearthCspViolation', (text: string) => { seen.page.push(text) })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', event => {
      const report = (window as unknown as { __hearthCspViolation: (text: string) => void }).__hearthCspViolation
      report(`${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`)
    })
  })
  page.on('console', message => {
    if (/Content Security Policy/i.test(message.text())) seen.page.push(`console: ${message.text()}`)
  })
  return seen
}

async function walkTheHousehold (page: Page, target: PairableNode): Promise<void> {
  await page.goto(target.pairingLink)
  await expect.poll(async () => await page.evaluate(() => window.__hearth?.paired() ?? false)).toBe(true)
  await expect(page.getByTestId('library-item')).toHaveCount(3)

  await page.goto(`${target.url}/devices`)
  await expect(page.locator('img.devices__qr').first()).toBeVisible()

  const episode = await itemByMediaPath(node, EPISODE)
  await openItem(page, target, episode.id)
  await expectPlaysPast(page, 2)
  // A text track loads its (blob:) source only when shown.
  await expect.poll(async () => await page.getByTestId('player-video').evaluate((video: HTMLVideoElement) => {
    const track = video.textTracks[0]
    if (track === undefined) return 0
    track.mode = 'showing'
    return track.cues?.length ?? 0
  })).toBeGreaterThan(0)

  await page.goto(target.url)
  await page.reload()
  await expect(page.getByTestId('library-item')).toHaveCount(3)
}

test('the app runs under the strict CSP with no violation (page, service worker, reports)', async ({ browser }) => {
  if (proxy === null) throw new Error('the CSP proxy starts in beforeAll')
  const context = await browser.newContext({ serviceWorkers: 'allow' })
  const page = await context.newPage()
  const violations = await watchViolations(page)
  const response = await page.goto(proxy.url)
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
  await walkTheHousehold(page, { url: proxy.url, pairingLink: node.pairingLink.replace(node.url, proxy.url) })
  expect(violations.page).toEqual([])
  expect(proxy.reports).toEqual([])
  await context.close()
})

test('the app passes the seed node\'s own CSP, whatever it is (no violation once the header is sent)', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'allow' })
  const page = await context.newPage()
  const violations = await watchViolations(page)
  const response = await page.goto(node.url)
  const policy = response?.headers()['content-security-policy']
  test.info().annotations.push({ type: 'seed-node CSP', description: policy ?? '(none sent yet)' })
  await walkTheHousehold(page, node)
  expect(violations.page).toEqual([])
  await context.close()
})
