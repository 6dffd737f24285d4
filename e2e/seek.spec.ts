/**
 * Seeking into a part of the film that has not been downloaded yet: the service worker
 * turns the range request into piece priorities and playback resumes at the new position.
 */
import { test, expect } from '@playwright/test'
import { makeStateDir, removeDir, startSeedNodeProcess, type SeedNodeProcess } from '../seed-node/testing/seed-node-process.ts'
import { itemByMediaPath } from './support/catalog.ts'
import { expectPlaysPast, openItem, videoState } from './support/player.ts'
import { makeLibraryWithLongClip } from './support/test-clips.ts'

const CLIP_SECONDS = 90
/**
 * On loopback the whole ~34 MB clip would arrive in about a second, before any seek; an
 * upload cap of 1 MiB/s (about 3x the clip's bitrate) keeps 80% out of reach for ~25 s,
 * so the seek really lands in a part that has not been downloaded.
 */
const UPLOAD_LIMIT_KIB_PER_SEC = 1024

let node: SeedNodeProcess
let stateDir: string
let library: string
let fileName: string

test.beforeAll(async () => {
  ({ library, fileName } = await makeLibraryWithLongClip(CLIP_SECONDS))
  stateDir = await makeStateDir()
  node = await startSeedNodeProcess({ stateDir, library, args: ['--no-web-seed', '--upload-limit', String(UPLOAD_LIMIT_KIB_PER_SEC)] })
})

test.afterAll(async () => {
  await node?.stop()
  await removeDir(stateDir)
  await removeDir(library)
})

/** Which pieces of the torrent hold bytes in [from, to) of the file, as fractions of its length. */
async function piecesAround (page: import('@playwright/test').Page, infoHash: string, from: number, to: number): Promise<string> {
  const torrent = (await page.evaluate(() => window.__hearth?.torrents() ?? [])).find(t => t.infoHash === infoHash)
  if (!torrent) throw new Error('torrent not in the page client')
  const first = Math.floor(torrent.length * from / torrent.pieceLength)
  const last = Math.floor(torrent.length * to / torrent.pieceLength)
  return torrent.bitfield.slice(first, last + 1)
}

test('seeking to 80% of a clip not yet downloaded resumes playback there', async ({ page }) => {
  const item = await itemByMediaPath(node, fileName)
  await openItem(page, node, item.id)
  await expectPlaysPast(page, 1)
  await page.getByTestId('player-video').evaluate((video: HTMLVideoElement) => video.pause())

  // The pieces around 80% have not arrived: the client streams on demand.
  const before = await piecesAround(page, item.id, 0.79, 0.81)
  expect(before).toMatch(/^0+$/)

  const target = CLIP_SECONDS * 0.8
  await page.getByTestId('player-video').evaluate(async (video: HTMLVideoElement, to: number) => {
    video.currentTime = to
    await video.play()
  }, target)
  await expectPlaysPast(page, target + 2)
  const after = await videoState(page)
  expect(after.currentTime).toBeLessThan(CLIP_SECONDS)
  expect(await piecesAround(page, item.id, 0.8, 0.805)).toContain('1')
})
