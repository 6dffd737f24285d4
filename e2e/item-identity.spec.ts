/**
 * Items keep their identity and subtitles are shown as people keep them, in real Chromium
 * against a real seed node: a subtitle added beside a watched film, and then a rename of the
 * film, keep its id, its watch record and its Continue-watching card; a Windows-1252
 * forced `.srt` is on by default and reads right, a German one beside it stays off for an
 * English browser. A different rip that replaces it gets a new id carrying the old one, and
 * the record, the card and an old `/watch/<id>` link follow. Films are made with ffmpeg at
 * test time.
 */
import { test, expect, type Page } from '@playwright/test'
import { execFile } from 'node:child_process'
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { makeStateDir, removeDir, startSeedNodeProcess, type SeedNodeProcess } from '../seed-node/testing/seed-node-process.ts'
import { fetchCatalogItems } from './support/catalog.ts'
import { expectPlaysPast, openItem, playToAndPause } from './support/player.ts'
import { api } from '../seed-node/testing/seed-node-api.ts'
import { disposeDevices, expectOutboxEmpty, openSyncedDevice, recordFor, type Device } from './support/device.ts'
import type { CatalogItem } from '../protocol/catalog.ts'

const run = promisify(execFile)
const FILM = 'Harbour Lights (2024).mp4'
const RENAMED = 'Harbour Lights (2024) 720p.mp4'
/** "Grüße aus München – €" in Windows-1252 bytes (ü ß ü are Latin-1; – is 0x96, € is 0x80). */
const CP1252_SRT = Buffer.concat([
  Buffer.from('1\r\n00:00:00,000 --> 00:00:30,000\r\nGr', 'latin1'),
  Buffer.from([0xfc, 0xdf]), Buffer.from('e aus M', 'latin1'), Buffer.from([0xfc]), Buffer.from('nchen ', 'latin1'),
  Buffer.from([0x96, 0x20, 0x80]), Buffer.from('\r\n', 'latin1')
])
const GERMAN_SRT = '1\n00:00:00,000 --> 00:00:30,000\nGuten Abend\n'

test.describe.configure({ mode: 'serial' })

/** A 20-second 320×180 H.264/AAC film; `tone` makes two rips of it differ. */
/**
 * Written under a `.part` name the scanner passes over, then renamed: the file appears whole,
 * as a copy or a finished download does (a rescan while ffmpeg wrote would hash half a file).
 */
async function makeFilm (file: string, tone: number): Promise<void> {
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=24:duration=20', '-f', 'lavfi', '-i', `sine=frequency=${tone}:duration=20`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '64k', '-movflags', '+faststart', '-f', 'mp4', `${file}.part`])
  await rename(`${file}.part`, file)
}

let node: SeedNodeProcess
let stateDir: string
let library: string
let item: CatalogItem
const devices: Device[] = []

test.beforeAll(async () => {
  library = await mkdtemp(path.join(os.tmpdir(), 'hearth-e2e-identity-'))
  await makeFilm(path.join(library, FILM), 440)
  stateDir = await makeStateDir()
  // Rescans every 5 s (the minimum), so the changes below are seen without restarting.
  node = await startSeedNodeProcess({ stateDir, library, args: ['--rescan-interval', '5'] })
  const items = await fetchCatalogItems(node)
  expect(items).toHaveLength(1)
  item = items[0] as CatalogItem
  expect(item.subtitles).toEqual([])
})

test.afterAll(async () => {
  await disposeDevices(devices)
  await node?.stop()
  await removeDir(stateDir)
  await removeDir(library)
})

/** Waits until the catalog shows `check` true of the film, and returns it. */
async function catalogUntil (check: (film: CatalogItem) => boolean, message: string): Promise<CatalogItem> {
  let film: CatalogItem | undefined
  await expect.poll(async () => {
    film = (await fetchCatalogItems(node))[0]
    return film !== undefined && check(film)
  }, { message, timeout: 30 * 1000 }).toBe(true)
  return film as CatalogItem
}

async function expectContinueCard (page: Page, id: string): Promise<void> {
  await page.goto(node.url)
  await expect(page.locator(`[data-testid="continue-item"][data-item-id="${id}"]`)).toBeVisible()
}

/**
 * Pauses the film and waits until the seed node holds the position. A test that left it
 * playing would let the next ones, which wait for rescans and encodes, watch it past 90 %
 * (finished: no Continue-watching card, nothing left to play) on a slow machine.
 */
async function pauseAndSync (page: Page): Promise<void> {
  await page.getByTestId('player-video').evaluate((video: HTMLVideoElement) => { video.pause() })
  await expectOutboxEmpty(page)
}

test('adding subtitles beside a watched film keeps its id, its record and its Continue-watching card', async () => {
  const laptop = await openSyncedDevice('laptop', node.pairingLink, devices)
  await openItem(laptop.page, node, item.id)
  const pausedAt = await playToAndPause(laptop.page, 4)
  await expectOutboxEmpty(laptop.page)

  await writeFile(path.join(library, 'Harbour Lights (2024).en.forced.srt'), CP1252_SRT)
  await writeFile(path.join(library, 'Harbour Lights (2024).de.srt'), GERMAN_SRT)
  const film = await catalogUntil(candidate => candidate.subtitles.length === 2, 'the rescan should list both subtitles')
  expect(film.id).toBe(item.id)
  expect(film.subtitles.map(track => [track.language, track.forced])).toEqual([['de', false], ['en', true]])

  await expectContinueCard(laptop.page, item.id)
  const record = await recordFor(laptop.page, item.id)
  expect(Math.abs((record?.positionSec ?? -100) - pausedAt)).toBeLessThanOrEqual(1)
})

test('the forced Windows-1252 track is on and reads right; the German one is off', async () => {
  const [laptop] = devices as [Device]
  await openItem(laptop.page, node, item.id)
  const video = laptop.page.getByTestId('player-video')
  await expect.poll(async () => await video.evaluate((element: HTMLVideoElement) => element.textTracks.length)).toBe(2)
  const tracks = async () => await video.evaluate((element: HTMLVideoElement) => Array.from(element.textTracks).map(track => ({
    language: track.language, mode: track.mode, cue: (track.cues?.[0] as VTTCue | undefined)?.text ?? null
  })))
  await expect.poll(async () => (await tracks()).find(track => track.language === 'en')?.cue, { message: 'the forced track should load its cue' }).toBe('Grüße aus München – €')
  const modes = async () => Object.fromEntries((await tracks()).map(track => [track.language, track.mode]))
  expect(await modes()).toEqual({ en: 'showing', de: 'disabled' })

  // Asking for German subtitles on this device turns the German track on, here and on the next visit.
  await laptop.page.getByTestId('subtitle-language').selectOption('de')
  await expect.poll(modes).toEqual({ en: 'disabled', de: 'showing' })
  await laptop.page.reload()
  await expect.poll(async () => await video.evaluate((element: HTMLVideoElement) => element.textTracks.length)).toBe(2)
  await expect.poll(modes).toEqual({ en: 'disabled', de: 'showing' })
  await laptop.page.getByTestId('subtitle-language').selectOption('')
  await expect.poll(modes).toEqual({ en: 'showing', de: 'disabled' })
  await pauseAndSync(laptop.page)
})

test('subtitles are served as UTF-8 WebVTT to the household and to a share link for that item only', async () => {
  const share = await api(node, 'GET', `/api/share/${item.id}`)
  const shareToken = new URL(String((share.json as { magnet: string }).magnet).replace('magnet:?', 'http://x/?')).searchParams.get('ws')?.split('/')[4] ?? ''
  expect(shareToken).toMatch(/^s\./)
  const household = await fetch(`${node.url}/api/catalog/${item.id}/subtitles/1.vtt`, { headers: { authorization: `Bearer ${node.credential}` } })
  expect(household.headers.get('content-type')).toBe('text/vtt; charset=utf-8')
  expect(await household.text()).toContain('Grüße aus München – €')
  const shared = await fetch(`${node.url}/subtitles/${shareToken}/${item.id}/0.vtt`)
  expect(await shared.text()).toContain('Guten Abend')
  const otherItem = await fetch(`${node.url}/subtitles/${shareToken}/${'0'.repeat(40)}/0.vtt`)
  expect(otherItem.status).toBe(403)
  const noCredential = await fetch(`${node.url}/api/catalog/${item.id}/subtitles/0.vtt`)
  expect(noCredential.status).toBe(401)
})

test('renaming the watched film keeps its id, its record and its Continue-watching card, and it still plays', async () => {
  const [laptop] = devices as [Device]
  // Moved as a media manager moves it: the film and its subtitles, renamed alike.
  await rename(path.join(library, FILM), path.join(library, RENAMED))
  await rename(path.join(library, 'Harbour Lights (2024).de.srt'), path.join(library, 'Harbour Lights (2024) 720p.de.srt'))
  const film = await catalogUntil(candidate => candidate.subtitles.length === 1 && candidate.subtitles[0]?.path === 'Harbour Lights (2024) 720p.de.srt', 'the rescan should see the renamed file and its subtitle')
  expect(film.id).toBe(item.id)
  expect(film.availability).toBe('online')
  await expectContinueCard(laptop.page, item.id)
  expect((await recordFor(laptop.page, item.id))?.positionSec).toBeGreaterThan(3)
  // The kept torrent now reads the new path.
  await openItem(laptop.page, node, item.id)
  await expectPlaysPast(laptop.page, 7)
  await pauseAndSync(laptop.page)
})

test('replacing the film with a different rip gives it a new id that carries the old one: its record, its card and old links follow', async () => {
  const [laptop] = devices as [Device]
  await makeFilm(path.join(library, 'Harbour.Lights.2024.1080p.WEB.mp4'), 880)
  await rm(path.join(library, RENAMED))
  const film = await catalogUntil(candidate => candidate.id !== item.id, 'the rescan should list the new rip')
  expect(film.formerIds).toEqual([item.id])
  await expectContinueCard(laptop.page, film.id)
  const old = await recordFor(laptop.page, item.id)
  expect(old?.positionSec).toBeGreaterThan(3)
  // The very record, under the new id: same position, same stamp.
  await expect.poll(async () => await recordFor(laptop.page, film.id)).toEqual({ ...old, itemId: film.id })
  const pausedAt = old?.positionSec ?? 0
  // A `/watch/<old id>` link saved before opens the new rip.
  await laptop.page.goto(`${node.url}/watch/${item.id}`)
  await expect(laptop.page.getByTestId('player-video')).toBeVisible()
  await expectPlaysPast(laptop.page, pausedAt + 2)
})
