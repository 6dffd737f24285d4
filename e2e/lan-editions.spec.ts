/**
 * Editions and subtitles inside files, as phones on the LAN see them (issue 12): the seed
 * node on the router host (HTTPS by the household CA, web seed off), Chromium on two other
 * hosts with default flags. Device A plays an AC-3 MKV through an edition made on demand,
 * with the ASS stream inside it as text; once finished, the edition is seeded as a torrent
 * and device B plays it from there over WebRTC, and sees the SubRip stream of another MKV
 * with its cues.
 */
import { expect, test, type Page } from '@playwright/test'
import { EditionReply } from '../protocol/api/editions.ts'
import type { CatalogItem } from '../protocol/catalog.ts'
import { ENGLISH_CUES, makeSubtitledLibrary, SUBTITLED_NAMES } from '../seed-node/testing/subtitle-clips.ts'
import { serialOnTestLan } from './lan/lan-spec.ts'
import { useHouseholdLan } from './lan/household-lan-fixture.ts'
import { lanApi, lanItemByMediaPath } from './lan/lan-api.ts'
import { expectPlaysPast } from './support/player.ts'

serialOnTestLan()

const { household, openPairedDevice } = useHouseholdLan({ makeLibrary: async () => await makeSubtitledLibrary(8) })
let dolby: CatalogItem
let subbed: CatalogItem

test.beforeAll(async () => {
  dolby = await lanItemByMediaPath(household().api, SUBTITLED_NAMES.assAc3Mkv)
  subbed = await lanItemByMediaPath(household().api, SUBTITLED_NAMES.srtMkv)
})

async function play (page: Page, item: CatalogItem): Promise<void> {
  await page.goto(household().node.url)
  await page.locator(`[data-testid="library-item"][data-item-id="${item.id}"]`).click()
  await expect(page.getByTestId('player-video')).toBeVisible()
}

async function firstCues (page: Page): Promise<Array<{ language: string, mode: string, text: string | null, start: number | null }>> {
  return await page.getByTestId('player-video').evaluate((video: HTMLVideoElement) => Array.from(video.textTracks).map(track => ({
    language: track.language, mode: track.mode, text: (track.cues?.[0] as VTTCue | undefined)?.text ?? null, start: track.cues?.[0]?.startTime ?? null
  })))
}

test('device A plays an AC-3 MKV through an edition, with the ASS stream inside it as text', async () => {
  const a = await openPairedDevice('deviceA')
  await play(a.page, dolby)
  await expectPlaysPast(a.page, 1)
  await expect(a.page.getByTestId('edition-status')).toHaveAttribute('data-source', 'hls')
  await expect.poll(async () => (await firstCues(a.page))[0]?.text).toBe('<i>Styled</i> words from ASS')
})

test('device B plays the finished edition from its torrent over WebRTC, and an MKV\'s SubRip stream with its cues', async () => {
  let infoHash: string | undefined
  await expect.poll(async () => {
    infoHash = EditionReply.parse((await lanApi(household().api, 'POST', `/api/editions/${dolby.id}`, {})).json).torrent?.infoHash
    return infoHash ?? null
  }, { message: 'the finished edition should be seeded as a torrent', timeout: 60_000 }).toMatch(/^[0-9a-f]{40}$/)
  const b = await openPairedDevice('deviceB')
  await play(b.page, dolby)
  await expect(b.page.getByTestId('edition-status')).toHaveAttribute('data-source', 'torrent')
  await expectPlaysPast(b.page, 2)
  const wires = await b.page.evaluate(() => window.__hearth?.wires() ?? [])
  expect(wires.filter(wire => wire.infoHash === infoHash).some(wire => wire.type === 'webrtc' && wire.downloaded > 0)).toBe(true)

  await play(b.page, subbed)
  const [firstCue] = ENGLISH_CUES
  await expect.poll(async () => (await firstCues(b.page)).find(track => track.language === 'en')?.text).toBe(firstCue?.[2])
  const english = (await firstCues(b.page)).find(track => track.language === 'en')
  expect(english?.mode).toBe('showing')
  expect(Math.abs((english?.start ?? -1) - (firstCue?.[0] ?? 0))).toBeLessThan(0.05)
})
