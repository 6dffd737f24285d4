/**
 * `GET /api/catalog?since=<revision>` (protocol/catalog-delta.ts): only the items added or
 * changed, and the ids removed, since a revision this run made for this caller's view. The
 * answer is a 304 when nothing changed (the app sends the revision's ETag), and the whole
 * catalog when the revision is unknown: another run, another view, or older than the
 * remembered removals.
 */
import type { ServerResponse } from 'node:http'
import type { CatalogDelta } from '../../protocol/catalog-delta.ts'
import { MAX_DELTA_REMOVED } from '../../protocol/catalog-delta.ts'
import { toCatalogItem, type CatalogContext } from '../library/catalog-builder.ts'
import type { LibraryItem } from '../library/library-item.ts'
import type { LibraryRegistry } from '../library/library-registry.ts'
import { answerCatalog, catalogTag, streamCatalog, type CatalogRequestHeaders } from './catalog-stream.ts'
import { currentRevision, revisionCounter } from './catalog-revision.ts'

const WHOLE = { offset: 0, limit: null } as const

/** The delta from `since`, or null when the registry cannot say what changed since then. */
export function catalogDelta (registry: LibraryRegistry, context: CatalogContext, since: string): CatalogDelta | null {
  const counter = revisionCounter(since, registry.changes, context)
  const changes = counter === null ? null : registry.changes.since(counter)
  if (changes === null || changes.removed.length > MAX_DELTA_REMOVED) return null
  const changed = changes.changed.map(id => registry.get(id)).filter((item): item is LibraryItem => item !== undefined)
  return {
    version: 1,
    libraryName: context.libraryName,
    trackerUrl: context.trackerUrl,
    since,
    revision: currentRevision(registry.changes, context),
    total: registry.size,
    changed: changed.map(item => toCatalogItem(item, context)),
    removed: changes.removed
  }
}

export async function sendCatalogSince (res: ServerResponse, registry: LibraryRegistry, context: CatalogContext, since: string, headOnly: boolean, request: CatalogRequestHeaders): Promise<void> {
  // Read together, before any await: the revision names exactly these items.
  const revision = currentRevision(registry.changes, context)
  const delta = catalogDelta(registry, context, since)
  if (delta === null) {
    await streamCatalog(res, registry.list(), context, WHOLE, headOnly, revision, request)
    return
  }
  await answerCatalog(res, catalogTag(revision, WHOLE), request, headOnly, () => [JSON.stringify(delta)])
}
