/**
 * A household device in tests: a Chromium profile of its own (persistent, so closing and
 * reopening it keeps its IndexedDB and service worker, like a phone put in a pocket).
 */
import { chromium, expect, type BrowserContext, type Page } from '@playwright/test'
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts'
import { removeDir } from '../../seed-node/testing/seed-node-process.ts'
import type { WatchRecord } from '../../protocol/watch-record.ts'

export interface Device {
  name: string
  page: Page
  /** Closes the browser but keeps the profile (the device is off). */
  close: () => Promise<void>
  /** Starts the browser again on the same profile. */
  reopen: () => Promise<Page>
  /** Closes and deletes the profile. */
  dispose: () => Promise<void>
}

export async function openDevice (name: string): Promise<Device> {
  const profileDir = await mkdtemp(path.join(os.tmpdir(), `hearth-e2e-${name}-`))
  let context: BrowserContext | null = null
  const launch = async (): Promise<Page> => {
    context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, serviceWorkers: 'allow' })
    return context.pages()[0] ?? await context.newPage()
  }
  const device: Device = {
    name,
    page: await launch(),
    close: async () => { await context?.close(); context = null },
    reopen: async () => { device.page = await launch(); return device.page },
    dispose: async () => { await context?.close(); context = null; await removeDir(profileDir) }
  }
  return device
}

/** Opens the pairing link and waits until the app holds the key and is back on the library. */
export async function pair (device: Device, pairingLink: string): Promise<void> {
  await device.page.goto(pairingLink)
  await expect.poll(async () => await device.page.evaluate(() => window.__hearth?.paired() ?? false)).toBe(true)
  await expect(device.page).toHaveURL(/\/$/)
}

export async function watchState (page: Page): Promise<WatchRecord[]> {
  return await page.evaluate(async () => await (window.__hearth?.watchState() ?? Promise.resolve([])))
}

export async function recordFor (page: Page, itemId: string): Promise<WatchRecord | undefined> {
  return (await watchState(page)).find(record => record.itemId === itemId)
}

/** Waits until the seed node has acknowledged every local record (it is durable there). */
export async function expectOutboxEmpty (page: Page): Promise<void> {
  await expect.poll(async () => await page.evaluate(async () => await (window.__hearth?.outbox() ?? Promise.resolve(-1))), {
    message: 'the seed node should acknowledge every record', timeout: 30 * 1000
  }).toBe(0)
}

/** Waits until this page syncs with the seed node. */
export async function expectSyncedWithSeedNode (page: Page): Promise<void> {
  await expect.poll(async () => await page.evaluate(() => (window.__hearth?.syncPeers() ?? []).map(peer => peer.role)), {
    message: 'the page should say hello to the seed node in the sync swarm', timeout: 30 * 1000
  }).toContain('seed-node')
}

/** Opens a device, pairs it with `pairingLink` and waits until it syncs with the seed node; `devices` collects it for disposal. */
export async function openSyncedDevice (name: string, pairingLink: string, devices: Device[]): Promise<Device> {
  const device = await openDevice(name)
  devices.push(device)
  await pair(device, pairingLink)
  await expectSyncedWithSeedNode(device.page)
  return device
}

/** Closes every device a spec opened, then empties the list. */
export async function disposeDevices (devices: Device[]): Promise<void> {
  for (const device of devices.splice(0)) await device.dispose()
}
