/**
 * The index snapshot's format on disk (`<state>/library-index.json`), written by
 * fingerprint-cache.ts only when it compacts:
 *
 *     {"version":1,"itemsSha1":"<hex>","items":[
 *     {…one stored item…},
 *     {…one stored item…}
 *     ]}
 *
 * It is plain JSON, one item per line, with the SHA-1 of the lines between the first and
 * the last. The checksum is how the index is validated once, and cheaply: it proves the
 * items are the very ones this code validated (stored-item.ts) and wrote, so a start trusts
 * them without a schema pass over every one (zod takes 0.3–0.8 s over 10,000 items; the
 * checksum 10 ms). An index without a matching checksum (an older version's, a hand-edited
 * or torn one) is read item by item through the schema instead, and a torn one is salvaged
 * line by line: only the items that are lost or wrong are hashed again.
 *
 * A change of `StoredItemSchema` that old entries would fail needs a new `version`.
 */
import { createHash } from 'node:crypto'
import type { StoredItem } from './stored-item.ts'

const HEADER_PREFIX = '{"version":1,"itemsSha1":"'
const HEADER_SUFFIX = '","items":['
const FOOTER = '\n]}'

export interface DecodedIndex {
  /** The items as read, unchecked unless `trusted`. */
  entries: unknown[]
  /** True when the checksum matched: every entry is an item this code wrote. */
  trusted: boolean
  /** Why the text could not be read whole (torn, not JSON, not this format), if so. */
  damage: string | null
}

function sha1 (text: string): string {
  return createHash('sha1').update(text).digest('hex')
}

export function encodeIndex (items: Iterable<StoredItem>): string {
  const lines: string[] = []
  for (const item of items) lines.push(JSON.stringify(item))
  const body = lines.join(',\n')
  return `${HEADER_PREFIX}${sha1(body)}${HEADER_SUFFIX}\n${body}${FOOTER}`
}

function envelopeItems (value: unknown): unknown[] | null {
  if (typeof value !== 'object' || value === null) return null
  const { version, items } = value as { version?: unknown, items?: unknown }
  return version === 1 && Array.isArray(items) ? items : null
}

/** The checksum in the header matches the lines below it. */
function checksumMatches (text: string): boolean {
  const firstLineEnd = text.indexOf('\n')
  if (firstLineEnd < 0 || !text.startsWith(HEADER_PREFIX) || !text.endsWith(FOOTER)) return false
  const header = text.slice(0, firstLineEnd)
  if (!header.endsWith(HEADER_SUFFIX)) return false
  const claimed = header.slice(HEADER_PREFIX.length, header.length - HEADER_SUFFIX.length)
  return claimed === sha1(text.slice(firstLineEnd + 1, text.length - FOOTER.length))
}

export function decodeIndex (text: string): DecodedIndex {
  let whole: unknown
  try {
    whole = JSON.parse(text)
  } catch (err) {
    return { entries: salvage(text), trusted: false, damage: `not JSON (${err instanceof Error ? err.message : String(err)})` }
  }
  const items = envelopeItems(whole)
  if (items === null) return { entries: [], trusted: false, damage: 'not an index (version 1 with items)' }
  return { entries: items, trusted: checksumMatches(text), damage: null }
}

/** Every whole item line of a torn index (a line per item, as encodeIndex writes them). */
function salvage (text: string): unknown[] {
  const entries: unknown[] = []
  const lines = text.split('\n')
  for (const line of lines.slice(1)) {
    const json = line.endsWith(',') ? line.slice(0, -1) : line
    if (!json.startsWith('{')) continue
    try {
      entries.push(JSON.parse(json))
    } catch {
      // the torn line, or one damaged on disk: its item is hashed again
    }
  }
  return entries
}
