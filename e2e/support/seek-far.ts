/**
 * A seek into a part of a clip the page has not downloaded: the player is paused, a stretch
 * of pieces not downloaded yet is found in the second half of the clip (so the seek really
 * streams on demand), then it seeks there and must play two seconds past it, before the end.
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

/** Fraction of the file the seek aims at: the middle of the clip's later part (80 %) if it is missing, else the start of the longest missing stretch. */
const PREFERRED_AT = 0.8
const SEARCH_FROM = 0.5
const SEARCH_TO = 0.9
/** A stretch shorter than this share of the file could fill in while the seek is being set up. */
const MIN_STRETCH = 0.03

/**
 * Where in [SEARCH_FROM, SEARCH_TO) of the file no piece has arrived yet, as a fraction of
 * the file: 80 % when it is missing, else the start of the longest missing stretch. The
 * seed node's upload cap slows the download, and on a slow machine the test before may have
 * let it run on long enough that 80 % arrived; a missing stretch elsewhere tests the same.
 */
async function missingFraction (page: Page, infoHash: string): Promise<number | null> {
  const torrent = (await page.evaluate(() => window.__hearth?.torrents() ?? [])).find(t => t.infoHash === infoHash)
  if (!torrent) throw new Error('torrent not in the page client')
  const pieceOf = (fraction: number): number => Math.floor(torrent.length * fraction / torrent.pieceLength)
  const missingAround = (fraction: number): boolean => /^0+$/.test(torrent.bitfield.slice(pieceOf(fraction - MIN_STRETCH / 2), pieceOf(fraction + MIN_STRETCH / 2) + 1))
  if (missingAround(PREFERRED_AT)) return PREFERRED_AT
  let best: { start: number, length: number } | null = null
  let runStart = -1
  for (let piece = pieceOf(SEARCH_FROM); piece <= pieceOf(SEARCH_TO); piece++) {
    if (torrent.bitfield[piece] === '0') {
      if (runStart < 0) runStart = piece
      const length = piece - runStart + 1
      if (best === null || length > best.length) best = { start: runStart, length }
    } else {
      runStart = -1
    }
  }
  if (best === null || best.length * torrent.pieceLength < torrent.length * MIN_STRETCH) return null
  // A little into the stretch, so the pieces on both sides of the target are missing.
  return (best.start + best.length / 2) * torrent.pieceLength / torrent.length
}

/**
 * Seeks the paused player into a part whose pieces have not arrived (80 % of the clip when it
 * can), and waits until it plays two seconds past it. Returns the fraction of the file sought.
 */
export async function seekIntoMissingPart (page: Page, infoHash: string, clipSeconds: number): Promise<number> {
  const video = page.getByTestId('player-video')
  await video.evaluate((element: HTMLVideoElement) => element.pause())
  const fraction = await missingFraction(page, infoHash)
  expect(fraction, `a stretch of ${MIN_STRETCH * 100} % of the clip in ${SEARCH_FROM * 100}–${SEARCH_TO * 100} % should not have arrived yet`).not.toBeNull()
  const target = clipSeconds * (fraction ?? PREFERRED_AT)
  await video.evaluate(async (element: HTMLVideoElement, to: number) => {
    element.currentTime = to
    await element.play()
  }, target)
  await expectPlaysPast(page, target + 2)
  expect((await videoState(page)).currentTime).toBeLessThan(clipSeconds)
  return fraction ?? PREFERRED_AT
}
