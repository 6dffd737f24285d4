/**
 * Private by default, in the browser: a browser that is not paired sees "Pair this device"
 * and never the catalog; pasting the pairing link (or opening it) joins the household.
 */
import { test, expect } from '@playwright/test'
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
