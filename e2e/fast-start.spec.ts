/**
 * Issue 14's fast start, with every path a library item has: the player adds the item with
 * the .torrent the seed node hands it (no metadata fetched over a peer wire), plays, seeks
 * into a part not yet downloaded, and takes bytes from the web seed and a WebRTC wire at once.
 *
 * On loopback the web seed would send the whole clip before the WebRTC wire is up; each web
 * seed request is held back 100 ms here (as a web seed reached over a slower link would be),
 * and the seed node's WebRTC upload is capped, so the download lasts long enough for a seek
 * to land beyond it and for both paths to carry bytes. Nothing is asserted on a time.
 */
import { test, expect, type Page } from '@playwright/test'
import { makeStateDir, removeDir, startSeedNodeProcess, type SeedNodeProcess } from '../seed-node/testing/seed-node-process.ts'
import { itemByMediaPath } from './support/catalog.ts'
import { expectPlaysPast, openItem } from './support/player.ts'
import { FAR_SEEK, seekIntoMissingPart } from './support/seek-far.ts'
import { makeLibraryWithLongClip } from './support/test-clips.ts'

test.describe.configure({ mode: 'serial' })

const CLIP_SECONDS = FAR_SEEK.clipSeconds
/** Each web-seed answer is held this long, so the WebRTC wire gets a share of the bytes too. */
const WEB_SEED_DELAY_MS = 100

let node: SeedNodeProcess
let stateDir: string
let library: string
let fileName: string
let page: Page

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120 * 1000)
  ;({ library, fileName } = await makeLibraryWithLongClip(CLIP_SECONDS))
  stateDir = await makeStateDir()
  node = await startSeedNodeProcess({ stateDir, library, args: [...FAR_SEEK.uploadLimitArgs] })
  page = await browser.newPage()
  await page.route('**/webseed/**', async route => {
    await new Promise(resolve => setTimeout(resolve, WEB_SEED_DELAY_MS))
    await route.continue()
  })
})

test.afterAll(async () => {
  await page?.close()
  await node?.stop()
  await removeDir(stateDir)
  await removeDir(library)
})

async function itemTorrent (infoHash: string) {
  const torrent = (await page.evaluate(() => window.__hearth?.torrents() ?? [])).find(t => t.infoHash === infoHash)
  if (!torrent) throw new Error('torrent not in the page client')
  return torrent
}

test('the clip plays with the metadata from the seed node\'s .torrent, not from a peer', async () => {
  const item = await itemByMediaPath(node, fileName)
  const torrentRequests: string[] = []
  page.on('request', request => { if (request.url().includes('/torrent/')) torrentRequests.push(request.url()) })
  await openItem(page, node, item.id)
  await expectPlaysPast(page, 1)
  const torrent = await itemTorrent(item.id)
  expect(torrent.metadataFrom).toBe('torrent-file')
  expect(torrentRequests.some(url => url.endsWith(`/${item.id}.torrent`))).toBe(true)
})

test('a seek into a part not yet downloaded plays from there', async () => {
  const item = await itemByMediaPath(node, fileName)
  await seekIntoMissingPart(page, item.id, CLIP_SECONDS)
})

test('playback takes bytes from both the web seed and a WebRTC wire', async () => {
  const item = await itemByMediaPath(node, fileName)
  const bySource = async (): Promise<Record<string, number>> => {
    const wires = (await page.evaluate(() => window.__hearth?.wires() ?? [])).filter(wire => wire.infoHash === item.id)
    const totals: Record<string, number> = {}
    for (const wire of wires) totals[wire.type] = (totals[wire.type] ?? 0) + wire.downloaded
    return totals
  }
  await expect.poll(async () => {
    const totals = await bySource()
    return Math.min(totals.webSeed ?? 0, totals.webrtc ?? 0)
  }, { message: 'both the web seed and the WebRTC wire should send bytes', timeout: 60 * 1000 }).toBeGreaterThan(0)
  const totals = await bySource()
  test.info().annotations.push({ type: 'bytes by source', description: JSON.stringify(totals) })
  process.stdout.write(`fast-start: bytes by source ${JSON.stringify(totals)}\n`)
})
