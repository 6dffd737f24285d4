/**
 * Subtitles inside the file, in Debian's Chromium: an MKV carrying SubRip streams offers
 * them as text tracks with the file's cues (text and times), extracted once by the seed node
 * to WebVTT; the English one is on (the browser's language), the forced French one listed
 * too. An AC-3 MKV that plays through an edition shows its ASS stream as text as well.
 * Served like sidecars: to the household, or to a share token for that item only.
 */
import { expect, test, type Page } from '@playwright/test'
import { api } from '../seed-node/testing/seed-node-api.ts'
import { ENGLISH_CUES, makeSubtitledLibrary, SUBTITLED_NAMES } from '../seed-node/testing/subtitle-clips.ts'
import { useMadeLibraryNode } from './support/made-library-node.ts'
import { openItem } from './support/player.ts'

const { running, byFile } = useMadeLibraryNode(async () => await makeSubtitledLibrary(6))

interface SeenTrack { label: string, language: string, mode: string, cues: Array<{ start: number, end: number, text: string }> }

async function textTracks (page: Page): Promise<SeenTrack[]> {
  return await page.getByTestId('player-video').evaluate((video: HTMLVideoElement) => Array.from(video.textTracks).map(track => ({
    label: track.label,
    language: track.language,
    mode: track.mode,
    cues: Array.from(track.cues ?? []).map(cue => ({ start: cue.startTime, end: cue.endTime, text: (cue as VTTCue).text }))
  })))
}

test('the catalog lists the file\'s own text streams as subtitle tracks, with language and dispositions', () => {
  const item = byFile(SUBTITLED_NAMES.srtMkv)
  expect(item.subtitles.map(track => ({ language: track.language, label: track.label, forced: track.forced, default: track.default, embedded: track.embedded }))).toEqual([
    { language: 'en', label: 'English', forced: false, default: true, embedded: { stream: 2, codec: 'subrip' } },
    { language: 'fr', label: 'Français (forcé) (forced)', forced: true, default: false, embedded: { stream: 3, codec: 'subrip' } }
  ])
  expect(item.subtitlesNotShown).toBeUndefined()
})

test('an MKV with an embedded SRT offers it as a text track with the right cues', async ({ page }) => {
  const item = byFile(SUBTITLED_NAMES.srtMkv)
  await openItem(page, running(), item.id)
  await expect.poll(async () => (await textTracks(page)).length).toBe(2)
  const english = async (): Promise<SeenTrack | undefined> => (await textTracks(page)).find(track => track.language === 'en')
  await expect.poll(async () => (await english())?.cues.length, { message: 'the English track should load its cues' }).toBe(ENGLISH_CUES.length)
  const seen = await english()
  expect(seen?.mode).toBe('showing')
  expect(seen?.label).toBe('English')
  ENGLISH_CUES.forEach(([start, end, text], index) => {
    const cue = seen?.cues[index]
    expect(cue?.text).toBe(text)
    // The muxer shifts every stream by the AAC encoder delay (21 ms at 48 kHz); cues move with the picture.
    expect(Math.abs((cue?.start ?? -1) - start)).toBeLessThan(0.05)
    expect(Math.abs((cue?.end ?? -1) - end)).toBeLessThan(0.05)
  })
  // The forced French track is offered too; the English one, in the browser's language, is the one on.
  expect((await textTracks(page)).find(track => track.language === 'fr')?.mode).toBe('disabled')
})

test('an AC-3 MKV playing through an edition shows its ASS stream as text', async ({ page }) => {
  const item = byFile(SUBTITLED_NAMES.assAc3Mkv)
  expect(item.subtitles[0]?.embedded?.codec).toBe('ass')
  await openItem(page, running(), item.id)
  await expect(page.getByTestId('edition-status')).toBeVisible()
  await expect.poll(async () => (await textTracks(page))[0]?.cues[0]?.text, { message: 'the ASS cue should reach the edition\'s <video>' }).toBe('<i>Styled</i> words from ASS')
  expect((await textTracks(page))[0]?.mode).toBe('showing')
})

test('embedded subtitles are served to the household and to a share link for that item only', async () => {
  const target = running()
  const item = byFile(SUBTITLED_NAMES.srtMkv)
  const other = byFile(SUBTITLED_NAMES.assAc3Mkv)
  const household = await fetch(`${target.url}/api/catalog/${item.id}/subtitles/0.vtt`, { headers: { authorization: `Bearer ${target.credential}` } })
  expect(household.headers.get('content-type')).toBe('text/vtt; charset=utf-8')
  expect(await household.text()).toContain('Grüße — a second line')
  const share = await api(target, 'GET', `/api/share/${item.id}`)
  const shareToken = new URL(String((share.json as { magnet: string }).magnet).replace('magnet:?', 'http://x/?')).searchParams.get('ws')?.split('/')[4] ?? ''
  expect(await (await fetch(`${target.url}/subtitles/${shareToken}/${item.id}/1.vtt`)).text()).toContain('Bonjour (forcé)')
  expect((await fetch(`${target.url}/subtitles/${shareToken}/${other.id}/0.vtt`)).status).toBe(403)
  expect((await fetch(`${target.url}/api/catalog/${item.id}/subtitles/0.vtt`)).status).toBe(401)
  expect((await api(target, 'GET', `/api/catalog/${item.id}/subtitles/2.vtt`)).status).toBe(404)
})
