/**
 * A seed node where WebRTC cannot load (OpenWrt, armv7: forced here with `HEARTH_WEBRTC=off`,
 * running compiled as `npm start` runs it): the app still plays, its bytes coming from the
 * web seed, and two browsers of the household still share with each other over WebRTC.
 */
import { test, expect } from '@playwright/test'
import { useSeedNode } from './support/seed-node-fixture.ts'
import { itemByMediaPath } from './support/catalog.ts'
import { expectPlaysPast, openItem } from './support/player.ts'
import { LOOPBACK_PEER_CONTEXT } from './support/chromium.ts'

const node = useSeedNode({ compiled: true, env: { HEARTH_WEBRTC: 'off' } })
const CLIP = 'Colour Bars at Dusk (2026).mp4'

test('the seed node says why WebRTC is off', async () => {
  expect(node.output()).toMatch(/webrtc\.unavailable reason="turned off by HEARTH_WEBRTC=off"/)
})

test('a clip plays through the web seed, and a second browser shares it over WebRTC', async ({ browser }) => {
  const item = await itemByMediaPath(node, CLIP)
  // Each browser a WebRTC peer of the other on loopback (see chromium.ts for why it is needed).
  const first = await (await browser.newContext(LOOPBACK_PEER_CONTEXT)).newPage()
  await openItem(first, node, item.id)
  await expectPlaysPast(first, 2)
  const firstWires = await first.evaluate(() => window.__hearth?.wires() ?? [])
  expect(firstWires.some(wire => wire.infoHash === item.id && wire.type === 'webSeed' && wire.downloaded > 0)).toBe(true)

  // A second device of the household: the first is its only WebRTC peer (the seed node has
  // none). Its web seed is refused, so every byte it plays must come from the first browser
  // over WebRTC. With the web seed open the proof would rest on a race: at loopback speed the
  // web seed can deliver the whole 1.7 MB clip before the tracker has introduced the two
  // browsers, and a complete torrent dials no one.
  const second = await (await browser.newContext(LOOPBACK_PEER_CONTEXT)).newPage()
  let refusedWebSeedRequests = 0
  await second.route('**/webseed/**', async route => {
    refusedWebSeedRequests++
    await route.abort('connectionrefused')
  })
  await openItem(second, node, item.id)
  await expectPlaysPast(second, 2)
  const secondWires = (await second.evaluate(() => window.__hearth?.wires() ?? [])).filter(wire => wire.infoHash === item.id)
  expect(secondWires.some(wire => wire.type === 'webrtc' && wire.downloaded > 0), 'the second browser should get bytes from the first over WebRTC').toBe(true)
  expect(secondWires.filter(wire => wire.type === 'webSeed').reduce((sum, wire) => sum + wire.downloaded, 0)).toBe(0)
  expect(refusedWebSeedRequests).toBeGreaterThan(0)
  expect((await node.status()).seeder.webrtcPeers).toBe(0)
  await first.context().close()
  await second.context().close()
})

test('a clip plays through the web seed alone', async ({ browser }) => {
  const item = await itemByMediaPath(node, CLIP)
  const page = await (await browser.newContext()).newPage()
  await openItem(page, node, item.id)
  await expectPlaysPast(page, 2)
  const wires = await page.evaluate(() => window.__hearth?.wires() ?? [])
  expect(wires.some(wire => wire.infoHash === item.id && wire.type === 'webSeed' && wire.downloaded > 0)).toBe(true)
  expect((await node.status()).seeder.webrtcPeers).toBe(0)
  await page.context().close()
})
