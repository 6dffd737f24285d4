/**
 * The Downloads screen: a household member pastes a magnet link; the seed node (not the
 * browser) downloads it from a classic swarm into the library's downloads folder, and the
 * film appears in the library.
 */
import { test, expect } from '@playwright/test'
import { cp, mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Server as TrackerServer } from 'bittorrent-tracker'
import { makeStateDir, removeDir, SAMPLE_LIBRARY, startSeedNodeProcess, type SeedNodeProcess } from '../seed-node/testing/seed-node-process.ts'
import { ensurePaired } from './support/player.ts'
import { makeTestTorrent, randomFile, startTestSeeder } from '../seed-node/testing/download-test-peer.ts'

let node: SeedNodeProcess
let stateDir: string
let scratch: string
let swarmTracker: TrackerServer
let trackers: string[]

test.beforeAll(async () => {
  stateDir = await makeStateDir()
  scratch = await mkdtemp(path.join(os.tmpdir(), 'hearth-e2e-downloads-'))
  const library = path.join(scratch, 'library')
  await cp(SAMPLE_LIBRARY, library, { recursive: true })
  node = await startSeedNodeProcess({ stateDir, library })
  // A classic swarm of its own, as on the internet: its tracker and one seeder.
  swarmTracker = new TrackerServer({ udp: false, stats: false })
  await new Promise<void>(resolve => (swarmTracker as unknown as { listen: (port: number, host: string, cb: () => void) => void }).listen(0, '127.0.0.1', resolve))
  const port = (swarmTracker as unknown as { http: { address: () => { port: number } } }).http.address().port
  trackers = [`http://127.0.0.1:${port}/announce`, `ws://127.0.0.1:${port}`]
})

test.afterAll(async () => {
  swarmTracker?.close()
  await node?.stop()
  await removeDir(stateDir)
  await removeDir(scratch)
})

test('a pasted magnet is downloaded by the seed node and joins the library', async ({ page }) => {
  const source = path.join(scratch, 'swarm')
  const made = await makeTestTorrent(source, 'Harbour Lights (2026).mp4', [randomFile('Harbour Lights (2026).mp4', 2 * 1024 * 1024)])
  const seeder = await startTestSeeder(made.torrent, source, trackers)
  try {
    await ensurePaired(page, node)
    await page.goto(node.url)
    await page.getByTestId('downloads-link').click()
    const magnet = `magnet:?xt=urn:btih:${made.infoHash}&dn=Harbour%20Lights&${trackers.map(url => `tr=${encodeURIComponent(url)}`).join('&')}`
    await page.getByTestId('download-magnet-input').fill(magnet)
    await page.getByTestId('download-add').click()
    const row = page.locator(`[data-testid="download-row"][data-info-hash="${made.infoHash}"]`)
    await expect(row).toBeVisible()
    await expect(row).toHaveAttribute('data-state', /seeding|completed/, { timeout: 60 * 1000 })

    await page.goto(node.url)
    await expect(page.locator(`[data-testid="library-item"][data-item-id="${made.infoHash}"]`)).toBeVisible({ timeout: 30 * 1000 })
  } finally {
    await seeder.close()
  }
})
