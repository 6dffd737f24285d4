/**
 * A finished edition travels peer to peer: one device plays an AC-3 MKV through an edition
 * made on demand (HLS while ffmpeg works); once it is finished the home server seeds it as a
 * torrent, and a second device plays that torrent over WebRTC instead of asking ffmpeg or
 * HLS again (the web seed is off, so every byte it plays came over a WebRTC wire).
 */
import { expect, test } from '@playwright/test'
import { EditionReply } from '../protocol/api/editions.ts'
import { parseCatalog, type CatalogItem } from '../protocol/catalog.ts'
import { api } from '../seed-node/testing/seed-node-api.ts'
import { makeSubtitledLibrary, SUBTITLED_NAMES } from '../seed-node/testing/subtitle-clips.ts'
import { makeStateDir, removeDir, startSeedNodeProcess, type SeedNodeProcess } from '../seed-node/testing/seed-node-process.ts'
import { expectPlaysPast, openItem } from './support/player.ts'

let library = ''
let stateDir = ''
let node: SeedNodeProcess | null = null
let item: CatalogItem | null = null

const running = (): SeedNodeProcess => {
  if (node === null) throw new Error('the seed node starts in beforeAll')
  return node
}

test.beforeAll(async () => {
  library = await makeSubtitledLibrary(8)
  stateDir = await makeStateDir()
  node = await startSeedNodeProcess({ library, stateDir, args: ['--no-web-seed'] })
  item = parseCatalog((await api(node, 'GET', '/api/catalog')).json).items.find(candidate => candidate.mediaPath.endsWith(SUBTITLED_NAMES.assAc3Mkv)) ?? null
})

test.afterAll(async () => {
  await node?.stop()
  if (stateDir) await removeDir(stateDir)
  if (library) await removeDir(library)
})

test('a second device plays the finished edition from its torrent, over WebRTC', async ({ browser }) => {
  if (item === null) throw new Error('the AC-3 clip is not in the catalog')
  const first = await browser.newContext()
  const firstPage = await first.newPage()
  await openItem(firstPage, running(), item.id)
  await expectPlaysPast(firstPage, 1)
  await expect(firstPage.getByTestId('edition-status')).toHaveAttribute('data-source', 'hls')
  // Finished, remuxed into one MP4 and seeded: the reply names the torrent.
  let torrent: EditionReply['torrent']
  await expect.poll(async () => {
    torrent = EditionReply.parse((await api(running(), 'POST', `/api/editions/${item?.id ?? ''}`, {})).json).torrent
    return torrent?.infoHash ?? null
  }, { message: 'the finished edition should be seeded as a torrent', timeout: 60_000 }).toMatch(/^[0-9a-f]{40}$/)
  await first.close()

  const second = await browser.newContext()
  const page = await second.newPage()
  await openItem(page, running(), item.id)
  await expect(page.getByTestId('edition-status')).toHaveAttribute('data-source', 'torrent')
  await expectPlaysPast(page, 2)
  await expect.poll(async () => await page.getByTestId('player-video').evaluate((video: HTMLVideoElement & { webkitAudioDecodedByteCount?: number }) => video.webkitAudioDecodedByteCount ?? -1),
    { message: 'the edition torrent carries AAC the browser decodes' }).toBeGreaterThan(0)
  const wires = await page.evaluate(() => window.__hearth?.wires() ?? [])
  const editionWires = wires.filter(wire => wire.infoHash === torrent?.infoHash)
  expect(editionWires.some(wire => wire.type === 'webrtc' && wire.downloaded > 0)).toBe(true)
  await second.close()
})
