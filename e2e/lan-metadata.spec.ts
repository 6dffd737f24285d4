/**
 * Pictures from another host (issue 13): the seed node on the router host speaks HTTPS with
 * the household CA; a device on another LAN host, with Chromium's default behaviour and the
 * CA installed as a user installs it, sees a film's poster.jpg and an MP3's cover load as
 * images (naturalWidth > 0) under `https://` — same origin, credential in the path — and the
 * NFO title. A picture URL without the right token is refused from that host too.
 */
import { test, expect } from '@playwright/test'
import { serialOnTestLan } from './lan/lan-spec.ts'
import { useHouseholdLan } from './lan/household-lan-fixture.ts'
import { lanGet, lanItemByMediaPath } from './lan/lan-api.ts'
import { makeMetadataLibrary, METADATA_LIBRARY } from '../seed-node/testing/metadata-library.ts'
import path from 'node:path'

serialOnTestLan()

const { household: running, openPairedDevice } = useHouseholdLan({ makeLibrary: makeMetadataLibrary })

test('a device on another host sees the poster and the cover load over HTTPS, with the NFO title', async () => {
  const household = running()
  const film = await lanItemByMediaPath(household.api, path.posix.basename(METADATA_LIBRARY.film))
  const track = await lanItemByMediaPath(household.api, path.posix.basename(METADATA_LIBRARY.track))
  const { page } = await openPairedDevice('deviceA')
  await page.goto(household.node.url)
  expect(page.url().startsWith('https://')).toBe(true)
  for (const item of [film, track]) {
    const image = page.locator(`.card:has([data-item-id="${item.id}"])`).getByTestId('poster-image')
    await expect.poll(async () => await image.evaluate((img: HTMLImageElement) => img.complete ? img.naturalWidth : 0), { timeout: 30 * 1000 }).toBeGreaterThan(0)
    const src = await image.evaluate((img: HTMLImageElement) => img.currentSrc)
    expect(src.startsWith(`https://${household.lan.router.address}:`), src).toBe(true)
  }
  await expect(page.locator(`.card:has([data-item-id="${film.id}"]) .card__title`)).toHaveText(METADATA_LIBRARY.nfoTitle)

  const key = (film.posterUrl ?? '').split('/').at(-1) ?? ''
  const wrong = await lanGet(new URL(`/art/${'x'.repeat(43)}/${film.id}/${key}`, household.node.url).href, household.caPem)
  expect(wrong.status).toBe(403)
})
