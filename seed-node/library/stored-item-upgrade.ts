/**
 * Items stored by an older seed node get what it did not yet ask of their files, once and
 * without rehashing: ffprobe's codec facts (and its subtitle streams), and the file's tags.
 * The upgraded item is remembered, so the next start asks nothing.
 */
import type { FingerprintCache } from './fingerprint-cache.ts'
import { probeFacts, probeTags } from './media-probe.ts'
import type { StoredItem } from './stored-item.ts'

async function withCodecFacts (stored: StoredItem, absolutePath: string): Promise<StoredItem> {
  const known = stored.probe.facts
  if (known !== undefined && (known.subtitles !== undefined || known.damaged !== null)) return stored
  const facts = await probeFacts(absolutePath)
  return facts === null ? stored : { ...stored, probe: { ...stored.probe, facts } }
}

async function withTags (stored: StoredItem, absolutePath: string): Promise<StoredItem> {
  if (stored.probe.tags !== undefined) return stored
  const tags = await probeTags(absolutePath)
  return tags === null || tags === undefined ? stored : { ...stored, probe: { ...stored.probe, tags } }
}

export async function upgradeStoredItem (stored: StoredItem, absolutePath: string, cache: FingerprintCache): Promise<StoredItem> {
  const upgraded = await withTags(await withCodecFacts(stored, absolutePath), absolutePath)
  if (upgraded !== stored) await cache.remember(upgraded, await cache.readTorrent(stored.infoHash))
  return upgraded
}
