/**
 * A seek into a part of a clip the page has not downloaded: the player is paused, the pieces
 * around 80% are checked to be missing (so the seek really streams on demand), then it seeks
 * there and must play two seconds past it, before the clip's end.
 */
import { expect, type Page } from '@playwright/test'
import { expectPlaysPast, videoState } from './player.ts'

/**
 * The far-seek scenario shared by seek, fast-start and lan-fast-start: a 90 s clip (~34 MB),
 * and the seed node's upload capped at 1 MiB/s (about 3× the clip's bit rate). On loopback
 * the whole clip would otherwise arrive in about a second, before any seek; the cap keeps 80%
 * out of reach for ~25 s, so the seek really lands in a part that has not been downloaded.
 */
export const FAR_SEEK = {
  clipSeconds: 90,
  uploadLimitArgs: ['--upload-limit', '1024']
} as const

/** Which pieces of the page's torrent hold bytes in [from, to) of the file, as fractions of its length ('0'/'1' each). */
export async function piecesAround (page: Page, infoHash: string, from: number, to: number): Promise<string> {
  const torrent = (await page.evaluate(() => window.__hearth?.torrents() ?? [])).find(t => t.infoHash === infoHash)
  if (!torrent) throw new Error('torrent not in the page client')
  const first = Math.floor(torrent.length * from / torrent.pieceLength)
  const last = Math.floor(torrent.length * to / torrent.pieceLength)
  return torrent.bitfield.slice(first, last + 1)
}

/** Seeks the paused player to 80% of the clip, whose pieces there must not have arrived, and waits until it plays past it. */
export async function seekIntoMissingPart (page: Page, infoHash: string, clipSeconds: number): Promise<void> {
  const video = page.getByTestId('player-video')
  await video.evaluate((element: HTMLVideoElement) => element.pause())
  expect(await piecesAround(page, infoHash, 0.79, 0.81), 'the pieces around 80% should not have arrived yet').toMatch(/^0+$/)
  const target = clipSeconds * 0.8
  await video.evaluate(async (element: HTMLVideoElement, to: number) => {
    element.currentTime = to
    await element.play()
  }, target)
  await expectPlaysPast(page, target + 2)
  expect((await videoState(page)).currentTime).toBeLessThan(clipSeconds)
}
