/**
 * The codec wall in Debian's Chromium, with clips made by ffmpeg at test time: an MKV with
 * AC-3 audio says so before play and then plays WITH SOUND through a browser edition; an
 * HEVC MKV says in words that this browser cannot show it (no black picture); a truncated
 * MP4 says "damaged", never blaming the browser; with `--transcode-video` the notice says
 * how long converting the picture takes on this machine.
 */
import { expect, test } from '@playwright/test'
import { parseCatalog, type CatalogItem } from '../protocol/catalog.ts'
import { api } from '../seed-node/testing/seed-node-api.ts'
import { CLIP_NAMES, makeCodecLibrary } from '../seed-node/testing/codec-clips.ts'
import { makeStateDir, removeDir, startSeedNodeProcess } from '../seed-node/testing/seed-node-process.ts'
import { useMadeLibraryNode } from './support/made-library-node.ts'
import { cardOf } from './support/library-cards.ts'
import { ensurePaired, expectPlaysPast, openItem } from './support/player.ts'

const { running, byFile, library } = useMadeLibraryNode(async () => await makeCodecLibrary(6))
const card = cardOf

test('each card says, before play, what this browser cannot decode', async ({ page }) => {
  await ensurePaired(page, running())
  await page.goto(running().url)
  await expect(card(page, byFile(CLIP_NAMES.ac3Mkv)).getByTestId('codec-notice'))
    .toHaveText("Audio: Dolby Digital (AC-3), which this browser can't play. Hearth will prepare a compatible copy.")
  const hevc = card(page, byFile(CLIP_NAMES.hevcMkv)).getByTestId('codec-notice')
  await expect(hevc).toHaveAttribute('data-verdict', 'blocked')
  await expect(hevc).toContainText("Video: HEVC (H.265), which this browser can't play.")
  await expect(card(page, byFile(CLIP_NAMES.truncatedMp4)).getByTestId('codec-notice')).toContainText('damaged or incomplete')
})

test('an MKV with AC-3 audio plays with sound through a browser edition', async ({ page }) => {
  const item = byFile(CLIP_NAMES.ac3Mkv)
  await openItem(page, running(), item.id)
  await expect(page.getByTestId('codec-notice')).toContainText('Dolby Digital (AC-3)')
  await expectPlaysPast(page, 2)
  await expect(page.getByTestId('edition-status')).toBeVisible()
  // Decoded audio bytes: the AAC of the edition reached the decoder (a mute AC-3 track decodes nothing).
  await expect.poll(async () => await page.getByTestId('player-video').evaluate((video: HTMLVideoElement & { webkitAudioDecodedByteCount?: number }) => video.webkitAudioDecodedByteCount ?? -1),
    { message: 'the edition should decode audio' }).toBeGreaterThan(0)
})

test('HEVC in Debian Chromium shows the clear message, not a black picture', async ({ page }) => {
  const item = byFile(CLIP_NAMES.hevcMkv)
  await openItem(page, running(), item.id)
  await expect(page.getByRole('alert')).toContainText("Video: HEVC (H.265), which this browser can't play.")
  await expect(page.getByTestId('codec-notice')).toHaveAttribute('data-verdict', 'blocked')
})

test('a truncated MP4 says "damaged", not that the browser cannot play it', async ({ page }) => {
  const item = byFile(CLIP_NAMES.truncatedMp4)
  await openItem(page, running(), item.id)
  await expect(page.getByRole('alert')).toContainText('damaged or incomplete')
  await expect(page.getByRole('alert')).not.toContainText('This browser cannot')
})

test('with --transcode-video, HEVC plays after the home server converts it', async ({ page }) => {
  const transcodingState = await makeStateDir()
  const transcoding = await startSeedNodeProcess({ library: library(), stateDir: transcodingState, args: ['--transcode-video'] })
  try {
    const hevcOf = async (): Promise<CatalogItem | undefined> => parseCatalog((await api(transcoding, 'GET', '/api/catalog')).json).items.find(item => item.mediaPath.endsWith(CLIP_NAMES.hevcMkv))
    // The seed node times a test conversion at start; the catalog then carries the speed for each picture size.
    await expect.poll(async () => (await hevcOf())?.media?.transcodeSpeed ?? 0, { message: 'the seed node should measure its conversion speed' }).toBeGreaterThan(0)
    const hevc = await hevcOf()
    if (!hevc) throw new Error('the HEVC clip is not in the catalog')
    await openItem(page, transcoding, hevc.id)
    await expect(page.getByTestId('codec-notice')).toHaveAttribute('data-verdict', 'edition')
    await expect(page.getByTestId('codec-notice')).toContainText('converting the picture is slow')
    await expect(page.getByTestId('codec-notice')).toContainText(/Your home server converts this picture at (only |about )[\d.]+× real time: the whole film takes (less than a minute|about \d+ minutes?) to convert/)
    const state = await expectPlaysPast(page, 2)
    expect(state.decodedFrames).toBeGreaterThan(0)
  } finally {
    await transcoding.stop()
    await removeDir(transcodingState)
  }
})
