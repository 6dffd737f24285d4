/**
 * Restarting the seed node over an unchanged library must not hash a single piece: the
 * fingerprint cache in the state folder vouches for every file.
 */
import { test, expect } from '@playwright/test'
import { makeStateDir, removeDir, startSeedNodeProcess } from '../seed-node/testing/seed-node-process.ts'
import { fetchCatalogItems } from './support/catalog.ts'
import { expectPlaysPast, openItem } from './support/player.ts'

test('a second start on the same state folder serves every item with zero pieces hashed', async ({ page }) => {
  const stateDir = await makeStateDir()
  try {
    const first = await startSeedNodeProcess({ stateDir })
    const firstStatus = await first.status()
    const firstIds = (await fetchCatalogItems(first)).map(item => item.id).sort()
    expect(firstStatus.ingest.itemsHashed).toBe(3)
    expect(firstStatus.ingest.piecesHashed).toBeGreaterThan(0)
    await first.stop()

    const second = await startSeedNodeProcess({ stateDir })
    try {
      const status = await second.status()
      expect(status.ingest.piecesHashed).toBe(0)
      expect(status.ingest.itemsHashed).toBe(0)
      expect(status.ingest.itemsReused).toBe(3)
      expect(status.seeder.torrents).toBe(3)
      expect((await fetchCatalogItems(second)).map(item => item.id).sort()).toEqual(firstIds)

      // And the reused items really are served.
      await openItem(page, second, firstIds[0] ?? '')
      await expectPlaysPast(page, 1)
    } finally {
      await second.stop()
    }
  } finally {
    await removeDir(stateDir)
  }
})
