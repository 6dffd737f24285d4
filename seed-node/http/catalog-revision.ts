/**
 * The catalog's revision (protocol/catalog.ts `CatalogRevision`) as this seed node writes it:
 * `<run epoch>.<change counter>.<view>`. The view is a digest of what the caller's items are
 * built with (its origin, credential, tracker and the editions on offer), because a catalog
 * item's magnet differs between callers: a delta is only valid for the view it started from.
 *
 * The ETag is made from the revision, so an unchanged catalog is answered 304 without being
 * serialised at all.
 */
import { createHash } from 'node:crypto'
import type { CatalogContext } from '../library/catalog-builder.ts'
import type { CatalogChangeLog } from '../library/catalog-change-log.ts'

const VIEW_DIGEST_CHARS = 16

export function catalogView (context: CatalogContext): string {
  return createHash('sha256').update(JSON.stringify(context)).digest('base64url').slice(0, VIEW_DIGEST_CHARS)
}

export function currentRevision (changes: CatalogChangeLog, context: CatalogContext): string {
  return `${changes.epoch}.${changes.version}.${catalogView(context)}`
}

/** The change counter of a revision this run made for this view, or null (another run, view or shape). */
export function revisionCounter (revision: string, changes: CatalogChangeLog, context: CatalogContext): number | null {
  const [epoch, counter, view, ...rest] = revision.split('.')
  if (rest.length > 0 || epoch !== changes.epoch || view !== catalogView(context) || counter === undefined || !/^\d{1,15}$/.test(counter)) return null
  return Number(counter)
}

/** True when any tag of an `If-None-Match` list names this document (weak comparison, any coding). */
export function etagMatches (ifNoneMatch: string | undefined, tag: string): boolean {
  if (ifNoneMatch === undefined) return false
  return ifNoneMatch.split(',').some(candidate => {
    const value = candidate.trim().replace(/^W\//, '')
    return value === '*' || value.replace(/-(br|gzip)"$/, '"') === tag
  })
}

/** The tag as sent with a body in `coding` (a compressed body is another representation). */
export function codedTag (tag: string, coding: 'br' | 'gzip' | 'identity'): string {
  return coding === 'identity' ? tag : `${tag.slice(0, -1)}-${coding}"`
}
