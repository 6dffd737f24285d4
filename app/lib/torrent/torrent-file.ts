/**
 * A library item's .torrent from the seed node (`/torrent/<credential>/<infohash>.torrent`,
 * seed-node/http/routes/torrent-file-route.ts): with the info dictionary in hand the player
 * adds the torrent with its metadata, so the web seed can answer at once and no peer has to
 * send the metadata first (ut_metadata, one more round trip after WebRTC is up). Fetched
 * while the WebTorrent bundle loads. Any failure gives null: the magnet still works.
 */
import { torrentFileUrl } from '../../../protocol/announce-url.ts'
import { currentCredential } from '../household/household-credential.ts'

/** A LAN answers in milliseconds; past this the magnet path is no slower. */
const TORRENT_FILE_TIMEOUT_MS = 5 * 1000
/** Far beyond any library torrent (a 100 GB file at 16 MiB pieces is ~130 KB of hashes). */
const MAX_TORRENT_FILE_BYTES = 8 * 1024 * 1024

export async function fetchTorrentFile (infoHash: string, origin = ''): Promise<Uint8Array | null> {
  try {
    const credential = await currentCredential()
    if (credential === null) return null
    const response = await fetch(torrentFileUrl(origin, credential, infoHash), { signal: AbortSignal.timeout(TORRENT_FILE_TIMEOUT_MS) })
    if (!response.ok) {
      console.warn(`[hearth] torrent file for ${infoHash}: HTTP ${response.status}; fetching the metadata from peers instead`)
      return null
    }
    const bytes = new Uint8Array(await response.arrayBuffer())
    return bytes.byteLength > 0 && bytes.byteLength <= MAX_TORRENT_FILE_BYTES ? bytes : null
  } catch (err) {
    console.warn(`[hearth] torrent file for ${infoHash} unavailable (${err instanceof Error ? err.message : String(err)}); fetching the metadata from peers instead`)
    return null
  }
}
