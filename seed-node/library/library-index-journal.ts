/**
 * Lines of `<state>/library-index.journal`: one per item remembered or forgotten since the
 * index snapshot was last written, appended as each item is done (so a killed process loses
 * no finished item). A line is `<sha1 of the JSON> <JSON>`: a matching checksum proves the
 * entry is one this code validated and wrote, so replay needs no schema pass; a line without
 * one (written by an older version) goes through the schema, and a torn one is skipped.
 */
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { StoredItemSchema, type StoredItem } from './stored-item.ts'

export type JournalEntry = { put: StoredItem } | { forget: string }

const JournalEntrySchema = z.union([z.object({ put: StoredItemSchema }), z.object({ forget: z.string().min(1) })])
const SHA1_HEX_CHARS = 40

function sha1 (text: string): string {
  return createHash('sha1').update(text).digest('hex')
}

export function encodeJournalLine (entry: JournalEntry): string {
  const json = JSON.stringify(entry)
  return `${sha1(json)} ${json}\n`
}

/** The entry of one line, or null for a torn or damaged line. */
export function decodeJournalLine (line: string): JournalEntry | null {
  if (line.charAt(SHA1_HEX_CHARS) === ' ' && !line.startsWith('{')) {
    const json = line.slice(SHA1_HEX_CHARS + 1)
    if (sha1(json) !== line.slice(0, SHA1_HEX_CHARS)) return null
    try {
      return JSON.parse(json) as JournalEntry // checksummed: written by encodeJournalLine from a valid entry
    } catch {
      return null
    }
  }
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return null
  }
  const parsed = JournalEntrySchema.safeParse(value)
  return parsed.success ? parsed.data : null
}
