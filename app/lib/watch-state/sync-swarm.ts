/**
 * Joins the household's sync swarm once this device is paired: derives the keys from the
 * library key, seeds the deterministic sync torrent in the page's one WebTorrent client
 * (loaded by dynamic import, after first render), and runs the `hearth_sync` extension on
 * every wire with the watch-state store as the replica. It starts with the app, not with the
 * player, so the library's "Continue watching" hears from the seed node too. Pairing later
 * (or with another household) joins (or switches swarm) without a reload.
 */
import type { WebTorrentTorrent } from 'webtorrent/dist/webtorrent.min.js'
import { deriveKeys, parseLibraryKey } from '../../../protocol/library-key.ts'
import { createSyncExtension } from '../../../protocol/sync-extension.ts'
import type { SyncPeerInfo } from '../../../protocol/sync-replica.ts'
import type { SyncSession } from '../../../protocol/sync-session.ts'
import { syncTorrentContent, syncTorrentSeedOptions } from '../../../protocol/sync-torrent.ts'
import { requireSecureContext } from '../secure-context/secure-context.ts'
import { getWebTorrentClient } from '../torrent/webtorrent-client.ts'
import { syncTrackerUrl } from './sync-tracker-url.ts'
import type { WatchStateStore } from './watch-state-store.ts'

let swarm: { key: string, torrent: WebTorrentTorrent | null } | null = null

/** Follows the store's pairing state for the life of the page. */
export function startSyncSwarm (store: WatchStateStore): void {
  const follow = (): void => {
    const key = store.libraryKey
    if (key === (swarm?.key ?? null)) return
    swarm?.torrent?.destroy()
    swarm = key === null ? null : { key, torrent: null }
    if (key !== null) {
      join(store, key).catch((err: unknown) => console.error('[hearth] could not join the sync swarm; watch state stays on this device for now', err))
    }
  }
  store.onMetaChange(follow)
  follow()
}

/** The peers this page currently syncs with (after their hello), for diagnostics. */
export function syncPeers (): SyncPeerInfo[] {
  const wires = swarm?.torrent?.wires ?? []
  return wires.flatMap(wire => {
    const peer = (wire.hearth_sync as { session?: SyncSession } | undefined)?.session?.peer
    return peer && !wire.destroyed ? [{ role: peer.role, deviceId: peer.deviceId }] : []
  })
}

async function join (store: WatchStateStore, key: string): Promise<void> {
  requireSecureContext('The watch-state sync (WebCrypto)')
  const keys = await deriveKeys(parseLibraryKey(key))
  const content = await syncTorrentContent(keys.syncSwarmSecret)
  const client = await getWebTorrentClient()
  if (swarm?.key !== key) return // unpaired or re-paired meanwhile
  const HearthSync = createSyncExtension({
    keys,
    role: 'device',
    deviceId: store.deviceId,
    replica: store,
    onWarning: err => console.warn('[hearth] sync:', err.message)
  })
  const torrent = client.seed(content, { ...syncTorrentSeedOptions, announce: [syncTrackerUrl(window.location, keys.credential)] })
  torrent.on('wire', wire => wire.use(HearthSync))
  torrent.on('warning', err => console.debug('[hearth] sync torrent warning', err))
  swarm.torrent = torrent
}
