/**
 * With the web seed turned off, the only way bytes can reach the page is a WebRTC data
 * channel to the seed node: prove they did, from the page's own WebTorrent client.
 */
import { test, expect } from '@playwright/test'
import { useSeedNode } from './support/seed-node-fixture.ts'
import { itemByMediaPath } from './support/catalog.ts'
import { expectPlaysPast, openItem } from './support/player.ts'

const node = useSeedNode({ args: ['--no-web-seed'] })

test('magnet links carry no web seed and the web seed route is closed', async () => {
  const item = await itemByMediaPath(node, 'Colour Bars at Dusk (2026).mp4')
  expect(item.magnet).not.toContain('ws=')
  const res = await fetch(`${node.url}/webseed/${item.id}/${encodeURIComponent(item.mediaPath)}`)
  expect(res.status).toBe(404)
})

test('video bytes arrive over a WebRTC wire from the seed node', async ({ page }) => {
  const item = await itemByMediaPath(node, 'Colour Bars at Dusk (2026).mp4')
  await openItem(page, node, item.id)
  await expectPlaysPast(page, 2)

  const wires = await page.evaluate(() => window.__hearth?.wires() ?? [])
  const mine = wires.filter(wire => wire.infoHash === item.id)
  expect(mine.some(wire => wire.type === 'webrtc' && wire.downloaded > 0)).toBe(true)
  expect(mine.filter(wire => wire.type !== 'webrtc')).toEqual([])

  const status = await node.status()
  expect(status.seeder.uploadedBytes).toBeGreaterThan(0)
})
