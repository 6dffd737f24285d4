/**
 * Audio tracks and seeking in browser editions, in Debian's Chromium with clips made by
 * ffmpeg at test time:
 * - a two-track MKV (440 Hz English by default, 1000 Hz French commentary): picking the
 *   other track changes what the browser decodes, heard through an AnalyserNode (the loudest
 *   frequency bin), carries on from the same second, is remembered after a reload, and
 *   switching back plays the file's own track again from the torrent;
 * - a ten-minute AC-3 MKV: seeking near its end, far past what the home server had prepared,
 *   plays from there (ffmpeg restarted at that point); and a far seek in a four-minute HEVC MKV
 *   whose picture `--transcode-video` converts (keyframes forced on the segment grid).
 */
import { expect, test } from '@playwright/test'
import { parseCatalog } from '../protocol/catalog.ts'
import { api } from '../seed-node/testing/seed-node-api.ts'
import { CLIP_NAMES, makeLongHevcLibrary, makeTrackAndSeekLibrary, TWO_TRACK_TONES_HZ } from '../seed-node/testing/codec-clips.ts'
import { makeStateDir, removeDir, startSeedNodeProcess } from '../seed-node/testing/seed-node-process.ts'
import { useMadeLibraryNode } from './support/made-library-node.ts'
import { expectTone } from './support/audio-tone.ts'
import { expectPlaysPast, openItem, videoState } from './support/player.ts'

const LONG_FILM_SEC = 600
const FAR_SEEK_SEC = 540
/** Shorter: HEVC is slow to make at test time. */
const HEVC_FILM_SEC = 240
const HEVC_SEEK_SEC = 210

const { running, byFile } = useMadeLibraryNode(async () => await makeTrackAndSeekLibrary(40, LONG_FILM_SEC))

test('switching the audio track changes the sound, keeps the place, and is remembered on this device', async ({ page }) => {
  const [englishHz, frenchHz] = TWO_TRACK_TONES_HZ
  const item = byFile(CLIP_NAMES.twoTrackMkv)
  await openItem(page, running(), item.id)
  const picker = page.getByTestId('audio-track')
  await expect(picker.locator('option')).toHaveText(['English · mono', 'French · Commentaire · mono'])
  await expect(picker).toHaveValue('0')
  await expectPlaysPast(page, 3)
  await expectTone(page, englishHz, 'the default English track should sound at 440 Hz')

  const before = (await videoState(page)).currentTime
  await picker.selectOption('1')
  await expectTone(page, frenchHz, 'the French track should sound at 1000 Hz once chosen')
  const after = await videoState(page)
  expect(after.currentTime).toBeGreaterThan(before - 2)
  expect(after.decodedFrames).toBeGreaterThan(0)

  await page.reload()
  await expect(page.getByTestId('audio-track')).toHaveValue('1')
  await expectTone(page, frenchHz, 'the French track should still play after a reload')

  // Back to the file's own track: it plays from the torrent again, from where the film was.
  await expectPlaysPast(page, 4)
  const beforeBack = (await videoState(page)).currentTime
  await page.getByTestId('audio-track').selectOption('0')
  await expectTone(page, englishHz, 'the English track should sound again once chosen back')
  expect((await videoState(page)).currentTime).toBeGreaterThan(beforeBack - 2)
})

test('seeking far past the prepared part of an edition plays from there', async ({ page }) => {
  const item = byFile(CLIP_NAMES.longAc3Mkv)
  await openItem(page, running(), item.id)
  await expectPlaysPast(page, 1)
  // The whole film is seekable at once: the playlist lists it all.
  expect(Math.abs((await videoState(page)).duration - LONG_FILM_SEC)).toBeLessThan(2)
  await page.getByTestId('player-video').evaluate((video: HTMLVideoElement, target: number) => { video.currentTime = target }, FAR_SEEK_SEC)
  await expectPlaysPast(page, FAR_SEEK_SEC + 2)
  const state = await videoState(page)
  expect(state.currentTime).toBeLessThan(FAR_SEEK_SEC + 30)
  expect(state.decodedFrames).toBeGreaterThan(0)
  expect(running().output()).toMatch(/editions\.restarted .*at=540/)
})

test('with --transcode-video, seeking far into a converted HEVC film plays from there (keyframes on the segment grid)', async ({ page }) => {
  const hevcLibrary = await makeLongHevcLibrary(HEVC_FILM_SEC)
  const hevcState = await makeStateDir()
  const transcoding = await startSeedNodeProcess({ library: hevcLibrary, stateDir: hevcState, args: ['--transcode-video'] })
  try {
    const hevc = parseCatalog((await api(transcoding, 'GET', '/api/catalog')).json).items.find(candidate => candidate.mediaPath.endsWith(CLIP_NAMES.longHevcMkv))
    if (!hevc) throw new Error('the HEVC clip is not in the catalog')
    await openItem(page, transcoding, hevc.id)
    await expectPlaysPast(page, 1)
    await page.getByTestId('player-video').evaluate((video: HTMLVideoElement, target: number) => { video.currentTime = target }, HEVC_SEEK_SEC)
    await expectPlaysPast(page, HEVC_SEEK_SEC + 2)
    const state = await videoState(page)
    expect(state.currentTime).toBeLessThan(HEVC_SEEK_SEC + 25)
    expect(state.decodedFrames).toBeGreaterThan(0)
    // Whether the seek found that part made already depends on this machine's speed (a tiny
    // picture converts fast); either way the converted segments must sit on the film's time line.
  } finally {
    await transcoding.stop()
    await removeDir(hevcState)
    await removeDir(hevcLibrary)
  }
})
