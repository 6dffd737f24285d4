/**
 * A seed node where WebRTC cannot load (OpenWrt, armv7: forced here with `HEARTH_WEBRTC=off`,
 * running compiled as `npm start` runs it): the app still plays, its bytes coming from the
 * web seed, and two browsers of the household still share with each other over WebRTC.
 */
import { test, expect } from '@playwright/test'
import { useSeedNode } from './support/seed-node-fixture.ts'
import { itemByMediaPath } from './support/catalog.ts'
import { expectPlaysPast, openItem } from './support/player.ts'

const node = useSeedNode({ compiled: true, env: { HEARTH_WEBRTC: 'off' } })
const CLIP = 'Colour Bars at Dusk (2026).mp4'

test('the seed node says why WebRTC is off', async () => {
  expect(node.output()).toMatch(/webrtc\.unavailable reason="turned off by HEARTH_WEBRTC=off"/)
})

test('a clip plays through the web seed, and a second browser shares it over WebRTC', async ({ browser }) => {
  const item = await itemByMediaPath(node, CLIP)
  const first = await (await browser.newContext()).newPage()
  await openItem(first, node, item.id)
  await expectPlaysPast(first, 2)
  const firstWires = await first.evaluate(() => window.__hearth?.wires() ?? [])
  expect(firstWires.some(wire => wire.infoHash === item.id && wire.type === 'webSeed' && wire.downloaded > 0)).toBe(true)

  // A second device of the household: the first is its WebRTC peer (the seed node has none).
  const second = await (await browser.newContext()).newPage()
  await openItem(second, node, item.id)
  await expectPlaysPast(second, 2)
  await expect.poll(async () => {
    const wires = await second.evaluate(() => window.__hearth?.wires() ?? [])
    return wires.some(wire => wire.infoHash === item.id && wire.type === 'webrtc')
  }, { message: 'the second browser should have a WebRTC wire to the first' }).toBe(true)
  expect((await node.status()).seeder.webrtcPeers).toBe(0)
  await first.context().close()
  await second.context().close()
})
