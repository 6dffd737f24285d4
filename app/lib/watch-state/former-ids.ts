/**
 * Carries watch records over when an item's id changed (docs/item-identity.md): the
 * catalog lists, per item, the ids it had before (`formerIds`: the folder torrent that held
 * its subtitles, a rip it replaced). A record kept under a former id is copied to the
 * current id with its stamp, device and position unchanged. Every device, and the seed node,
 * makes the very same copy from the very same record, so the copies agree without any
 * coordination, and the merge rule does the rest: a record already written under the new id
 * after the change has a newer stamp and wins. The old records stay (other devices may not
 * have the new catalog yet); they are simply no longer shown.
 */
import type { Catalog } from '../../../protocol/catalog.ts'
import { recordKey, type WatchRecord } from '../../../protocol/watch-record.ts'
import { getWatchStateStore } from './open-watch-state.ts'

/** The copies to merge: for each record under a former id, the same record under the item's id. */
export function recordsUnderCurrentIds (records: readonly WatchRecord[], items: Catalog['items']): WatchRecord[] {
  const currentOf = new Map<string, string>()
  for (const item of items) for (const former of item.formerIds ?? []) if (former !== item.id) currentOf.set(former, item.id)
  if (currentOf.size === 0) return []
  const have = new Map(records.map(record => [recordKey(record), record]))
  const copies: WatchRecord[] = []
  for (const record of records) {
    const current = currentOf.get(record.itemId)
    if (current === undefined) continue
    const copy = { ...record, itemId: current }
    const existing = have.get(recordKey(copy))
    // Equal copies are no change; the merge would keep a newer one anyway, this just saves a write.
    if (existing && JSON.stringify(existing) === JSON.stringify(copy)) continue
    copies.push(copy)
  }
  return copies
}

/**
 * Merges the copies into this device's store now, and again whenever records under a former
 * id arrive later (the sync swarm delivers the seed node's records after the catalog has
 * loaded, on a newly paired device). Returns the unsubscribe function.
 */
export async function followFormerIds (catalog: Catalog): Promise<() => void> {
  const store = await getWatchStateStore()
  const formerIds = new Set(catalog.items.flatMap(item => item.formerIds ?? []))
  if (formerIds.size === 0) return () => {}
  const adopt = async (): Promise<void> => {
    const copies = recordsUnderCurrentIds(store.all(), catalog.items)
    if (copies.length > 0) await store.apply(copies)
  }
  const warn = (err: unknown): void => console.warn('[hearth] watch records under former item ids could not be carried over', err)
  await adopt()
  return store.onChange(changed => {
    // Our own copies carry current ids, so they do not trigger another round.
    if (changed.some(record => formerIds.has(record.itemId))) adopt().catch(warn)
  })
}
