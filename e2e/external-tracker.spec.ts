/**
 * A household that gives the seed node an external tracker (`--tracker`): library items
 * follow it, but the watch-state sync swarm still meets at the seed node's own embedded
 * tracker, where the app announces it. So a paired browser's record reaches the seed node,
 * and the seed node hands it to a device that was never online with the first one.
 */
import { test, expect } from '@playwright/test'
import { makeStateDir, removeDir, startSeedNodeProcess, type SeedNodeProcess } from '../seed-node/testing/seed-node-process.ts'
import { itemByMediaPath } from './support/catalog.ts'
import { disposeDevices, expectOutboxEmpty, openSyncedDevice, recordFor, type Device } from './support/device.ts'
import { startTrackerProcess, type TrackerProcess } from './support/tracker-process.ts'

const CLIP = 'Colour Bars at Dusk (2026).mp4'

let tracker: TrackerProcess
let node: SeedNodeProcess
let stateDir: string
const devices: Device[] = []

test.beforeAll(async () => {
  tracker = await startTrackerProcess()
  stateDir = await makeStateDir()
  node = await startSeedNodeProcess({ stateDir, args: ['--tracker', tracker.announceUrl] })
})

test.afterAll(async () => {
  await disposeDevices(devices)
  await node?.stop()
  await tracker?.stop()
  await removeDir(stateDir)
})

async function pairedDevice (name: string): Promise<Device> {
  return await openSyncedDevice(name, node.pairingLink, devices)
}

test('with --tracker, a paired browser\'s record reaches the seed node, which serves it to a fresh device', async () => {
  const item = await itemByMediaPath(node, CLIP)
  expect(new URLSearchParams(item.magnet.slice('magnet:?'.length)).getAll('tr')).toContain(tracker.announceUrl) // library items follow --tracker

  const laptop = await pairedDevice('laptop')
  const card = laptop.page.locator(`[data-testid="library-item"][data-item-id="${item.id}"]`)
  await expect(card).toBeVisible()
  await laptop.page.locator('.card').filter({ has: card }).getByTestId('mark-watched').click()
  await expectOutboxEmpty(laptop.page) // the seed node acknowledged it: durable there

  const status = await node.status()
  expect(status.watchState?.records).toBe(1)
  expect(status.sync?.recordsChanged).toBe(1)
  expect(status.sync?.peers.map(peer => peer.role)).toContain('device')
  const sent = await recordFor(laptop.page, item.id)
  expect(sent?.finished).toBe(true)
  await laptop.close()

  // The phone pairs while the laptop is off: only the seed node can tell it.
  const phone = await pairedDevice('phone')
  await expect.poll(async () => await recordFor(phone.page, item.id), { timeout: 30 * 1000 }).toEqual(sent)
})
