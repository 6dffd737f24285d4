/**
 * Private by default, in the browser: a browser that is not paired sees "Pair this device"
 * and never the catalog; pasting the pairing link (or opening it) joins the household.
 * Pairing asks first (issue 11): any page can send a browser to `/pair#key=…`, so a link for
 * another household opens a question, and a key is kept only once the home server accepts it.
 */
import { randomBytes } from 'node:crypto'
import { test, expect, type Page } from '@playwright/test'
import { makeStateDir, removeDir, startSeedNodeProcess, type SeedNodeProcess } from '../seed-node/testing/seed-node-process.ts'
import { ensurePaired } from './support/player.ts'
import { useSeedNode } from './support/seed-node-fixture.ts'

const node = useSeedNode()

test('an unpaired browser is asked to pair and shown no catalog; pasting the link pairs it', async ({ page }) => {
  const catalogRequests: number[] = []
  page.on('response', response => { if (response.url().endsWith('/api/catalog')) catalogRequests.push(response.status()) })
  await page.goto(node.url)
  await expect(page.getByTestId('pair-this-device')).toBeVisible()
  await expect(page.getByTestId('library-item')).toHaveCount(0)
  expect(catalogRequests.filter(status => status === 200)).toEqual([])

  await page.getByTestId('pair-link-input').fill('http://example.invalid/pair#key=not-a-key')
  await page.getByRole('button', { name: 'Pair' }).click()
  await expect(page.getByRole('alert')).toContainText('not a Hearth pairing link')
  await expect(page.getByTestId('library-item')).toHaveCount(0)

  await page.getByTestId('pair-link-input').fill(node.pairingLink)
  await page.getByRole('button', { name: 'Pair' }).click()
  await expect(page.getByTestId('library-item')).toHaveCount(3)
  expect(await page.evaluate(() => window.__hearth?.paired())).toBe(true)
})

test('the catalog API refuses the unpaired browser itself', async ({ page }) => {
  await page.goto(node.url)
  const status = await page.evaluate(async () => (await fetch('/api/catalog')).status)
  expect(status).toBe(401)
})

/** A pairing link for a household that does not exist: 32 random bytes as 43 base64url characters. */
function strangerLink (origin: string): string {
  return `${origin}/pair#key=${randomBytes(32).toString('base64url')}`
}

async function expectStillPairedWithLibrary (page: Page, origin: string): Promise<void> {
  expect(await page.evaluate(() => window.__hearth?.paired())).toBe(true)
  await page.goto(origin)
  await expect(page.getByTestId('library-item')).toHaveCount(3)
}

test('a link to another household asks first: refusing, or a key the home server refuses, leaves the device paired', async ({ page }) => {
  await ensurePaired(page, node)

  await page.goto(strangerLink(node.url))
  const dialog = page.getByTestId('switch-household')
  await expect(dialog).toBeVisible()
  await expect(page.getByRole('dialog')).toContainText('This link would move this device to another household')
  await page.getByTestId('switch-household-cancel').click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('toast')).toContainText('Nothing changed')
  await expectStillPairedWithLibrary(page, node.url)

  // Saying yes is not enough: the home server must accept the new key's credential.
  await page.goto(strangerLink(node.url))
  await page.getByTestId('switch-household-confirm').click()
  await expect(page.getByTestId('toast')).toContainText('does not accept this pairing link')
  await expect(dialog).toBeHidden()
  await expectStillPairedWithLibrary(page, node.url)

  // The link of the household it is in already: nothing to ask.
  await page.goto(node.pairingLink)
  await expect(page.getByTestId('toast')).toContainText('already in this household')
  await expect(dialog).toHaveCount(0)
  await expect(page.getByTestId('library-item')).toHaveCount(3)
})

test('an unpaired browser is not paired by a key the home server refuses', async ({ page }) => {
  await page.goto(strangerLink(node.url))
  await expect(page.getByTestId('toast')).toContainText('does not accept this pairing link')
  await expect(page.getByTestId('pair-this-device')).toBeVisible()
  expect(await page.evaluate(() => window.__hearth?.paired())).toBe(false)
})

test('confirming the link of the household now served at this address moves the device there', async ({ page }) => {
  // The legitimate switch: the home server was set up again (a new state folder, so a new
  // library key) at the same address, which is the same browser origin and key store.
  const before = await makeStateDir()
  const after = await makeStateDir()
  const first = await startSeedNodeProcess({ stateDir: before })
  let second: SeedNodeProcess | null = null
  try {
    await ensurePaired(page, first)
    await expect(page.getByTestId('library-item')).toHaveCount(3)
    await first.stop()
    // The old key's requests (catalog, sync announces) are wrong credentials for the new node.
    second = await startSeedNodeProcess({ stateDir: after, port: first.port, args: ['--ban-max-retry', '100'] })
    expect(second.pairingLink).not.toBe(first.pairingLink)

    await page.goto(second.pairingLink)
    await expect(page.getByTestId('switch-household')).toBeVisible()
    await page.getByTestId('switch-household-confirm').click()
    await expect(page.getByTestId('toast')).toContainText('moved to the other household')
    await expectStillPairedWithLibrary(page, second.url)
  } finally {
    await first.stop()
    await second?.stop()
    await removeDir(before)
    await removeDir(after)
  }
})
