/**
 * When a download finishes and becomes a library item the catalog on screen does not have
 * yet, ask for the catalog again, so the item appears (and its row links to it). At most
 * `MAX_RELOADS_PER_ITEM` asks per item, in case the item is slow to be listed.
 */
import { useEffect, useRef } from 'react'
import type { DownloadView } from '../../../protocol/api/downloads.ts'
import { isFinished } from './download-state-label.ts'

const MAX_RELOADS_PER_ITEM = 3

export function useReloadOnCompletion (downloads: readonly DownloadView[] | null, catalogIds: ReadonlySet<string> | null, reload: () => void): void {
  const asked = useRef(new Map<string, number>())
  useEffect(() => {
    if (downloads === null || catalogIds === null) return
    const missing = itemsMissingFromCatalog(downloads, catalogIds).filter(id => (asked.current.get(id) ?? 0) < MAX_RELOADS_PER_ITEM)
    if (missing.length === 0) return
    for (const id of missing) asked.current.set(id, (asked.current.get(id) ?? 0) + 1)
    reload()
  }, [downloads, catalogIds, reload])
}

/** Finished downloads the seed node lists as library items but the catalog does not have. */
export function itemsMissingFromCatalog (downloads: readonly DownloadView[], catalogIds: ReadonlySet<string>): string[] {
  return downloads
    .filter(download => isFinished(download.state) && download.itemId !== null && !catalogIds.has(download.itemId))
    .map(download => download.itemId as string)
}
