/**
 * Magnet links in the app: a friend's browser (not paired) opens a share link at
 * `/open?magnet=…` — what the `magnet:` protocol handler and the share target lead to —
 * and the film streams like a library item; a malformed link gets a clear error.
 */
import { test, expect } from '@playwright/test'
import { useSeedNode } from './support/seed-node-fixture.ts'
import { itemByMediaPath } from './support/catalog.ts'
import { expectPlaysPast } from './support/player.ts'

const node = useSeedNode({ args: ['--no-web-seed'] })

test('a share link opened in an unpaired browser streams the film', async ({ page }) => {
  const item = await itemByMediaPath(node, 'Colour Bars at Dusk (2026).mp4')
  const res = await fetch(`${node.url}/api/share/${item.id}`, { headers: { authorization: `Bearer ${node.credential}` } })
  const { magnet } = await res.json() as { magnet: string }
  await page.goto(`${node.url}/open?magnet=${encodeURIComponent(magnet)}`)
  await expect(page.getByTestId('player-video')).toBeVisible()
  await expectPlaysPast(page, 2)
  const wires = await page.evaluate(() => window.__hearth?.wires() ?? [])
  expect(wires.some(wire => wire.infoHash === item.id && wire.type === 'webrtc' && wire.downloaded > 0)).toBe(true)
  expect(await page.evaluate(() => window.__hearth?.paired())).toBe(false) // a friend, not the household
})

test('a malformed magnet link gets a clear error and plays nothing', async ({ page }) => {
  await page.goto(`${node.url}/open?magnet=${encodeURIComponent('magnet:?xt=urn:btih:1234&dn=broken')}`)
  await expect(page.getByTestId('magnet-error')).toContainText('HEARTH_E_BAD_MAGNET')
  await expect(page.getByTestId('player-video')).toHaveCount(0)
})
