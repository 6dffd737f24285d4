/**
 * Torrents added ahead of a click (issue 14, first frame): when the user rests the pointer
 * on a card, focuses it or presses on it, its item's .torrent is fetched and the torrent is
 * added (with `deselect: true`, so nothing downloads). Pressing play then finds WebTorrent
 * loaded, the metadata known, the web seed ready and, once the tracker has brokered it, a
 * WebRTC wire to the seed node already open: no ICE negotiation after the click.
 *
 * WebTorrent opens its wires per torrent, so a connection warm "for the library" means a
 * torrent added for the item likely to be played. Bounded: at most `MAX_WARM` torrents are
 * warm, the oldest is removed when another card is warmed, and all that the player did not
 * claim are removed when the user leaves the library (`releaseWarmTorrents`). A torrent that
 * was already in the client (played before) is reused and never removed from here.
 */
import type { WebTorrentClient } from 'webtorrent/dist/webtorrent.min.js'
import { closeTorrent, openTorrent, type TorrentSource } from './open-torrent.ts'
import { markStreamStep } from './stream-marks.ts'
import { fetchTorrentFile } from './torrent-file.ts'
import { getWebTorrentClient } from './webtorrent-client.ts'

/** The hovered card and the one before it (a user comparing two). */
export const MAX_WARM = 2

interface WarmEntry {
  /** Settles once the torrent is added (or warming failed); never rejects. */
  added: Promise<void>
  /** This module added the torrent (it was not in the client before), so it may remove it. */
  owned: boolean
  released: boolean
}

/** Insertion-ordered: the first entry is the oldest. */
const warm = new Map<string, WarmEntry>()
/** Infohashes the player opened: never removed from here, even if a release is under way. Bounded by items played in this page. */
const claimed = new Set<string>()
let counters = { warmed: 0, claimed: 0, released: 0 }

/** Warms `source` (no-op if already warm), removing the oldest warm torrent beyond `MAX_WARM`. */
export function warmTorrent (source: TorrentSource): void {
  if (warm.has(source.infoHash)) return
  const entry: WarmEntry = { added: Promise.resolve(), owned: false, released: false }
  warm.set(source.infoHash, entry)
  counters.warmed++
  markStreamStep('warm-start', source.infoHash)
  entry.added = add(source, entry)
  while (warm.size > MAX_WARM) {
    const [oldest] = warm.keys()
    if (oldest === undefined) break
    release(oldest)
  }
}

async function add (source: TorrentSource, entry: WarmEntry): Promise<void> {
  try {
    const torrentFile = fetchTorrentFile(source.infoHash)
    const client = await getWebTorrentClient()
    if (entry.released) return
    entry.owned = !(await inClient(client, source.infoHash))
    await openTorrent(client, source, torrentFile)
    markStreamStep('warm-ready', source.infoHash)
  } catch (err) {
    // Warming is a head start only: the player opens the torrent itself and reports errors.
    console.warn(`[hearth] warming ${source.infoHash} failed: ${err instanceof Error ? err.message : String(err)}`)
    if (warm.get(source.infoHash) === entry) warm.delete(source.infoHash)
  }
}

async function inClient (client: WebTorrentClient, infoHash: string): Promise<boolean> {
  const existing = await client.get(infoHash)
  return existing !== null && !existing.destroyed
}

/** The player took this torrent over: it is no longer warm, and no release removes it. */
export function claimWarmTorrent (infoHash: string): void {
  claimed.add(infoHash)
  if (warm.delete(infoHash)) counters.claimed++
}

/** Removes every warm torrent the player did not claim (the user left the library). */
export function releaseWarmTorrents (): void {
  for (const infoHash of [...warm.keys()]) release(infoHash)
}

function release (infoHash: string): void {
  const entry = warm.get(infoHash)
  if (!entry) return
  warm.delete(infoHash)
  entry.released = true
  counters.released++
  // Removed once added (at once if it already is), unless the player has taken it since.
  void entry.added.then(async () => {
    if (!entry.owned || claimed.has(infoHash)) return
    closeTorrent(await getWebTorrentClient(), infoHash)
  })
}

/** For diagnostics and the e2e tests: what is warm now, and how many were warmed, claimed, released. */
export function warmTorrentsSnapshot (): { warm: string[], warmed: number, claimed: number, released: number } {
  return { warm: [...warm.keys()], ...counters }
}

/** Tests only: forget everything (the torrents themselves are left to the client). */
export function resetWarmTorrentsForTest (): void {
  warm.clear()
  claimed.clear()
  counters = { warmed: 0, claimed: 0, released: 0 }
}
