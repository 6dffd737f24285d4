import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { linkTabs } from '../watch-state-channel.ts'
import { openWatchStateDb } from '../watch-state-db.ts'
import { WatchStateStore } from '../watch-state-store.ts'
import { itemId } from './sample-records.ts'

describe('linkTabs', () => {
  it('lets two tabs of one profile agree without echoing', async () => {
    const laptopTab = await WatchStateStore.open(await openWatchStateDb('tabs'))
    const otherTab = await WatchStateStore.open(await openWatchStateDb('tabs'))
    const unlink = [linkTabs(laptopTab), linkTabs(otherTab)]
    const changes: string[] = []
    laptopTab.onChange((_, source) => changes.push(`laptop:${source.role}`))
    otherTab.onChange((_, source) => changes.push(`other:${source.role}`))
    try {
      const written = await laptopTab.put({ itemId: itemId(1), positionSec: 42, durationSec: 600, finished: false })
      await expect.poll(() => otherTab.get(itemId(1))).toEqual(written)
      await laptopTab.setLibraryKey(Buffer.alloc(32, 1).toString('base64url'))
      await expect.poll(() => otherTab.paired).toBe(true)
      await new Promise(resolve => setTimeout(resolve, 50))
      expect(changes).toEqual(['laptop:local', 'other:tab'])
    } finally {
      for (const off of unlink) off()
    }
  })
})
