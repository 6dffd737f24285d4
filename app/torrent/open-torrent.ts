/**
 * Adds a catalog item's torrent to the page's client, or reuses it when it is already there
 * (reopening an item, or two components asking at once), and waits for its metadata.
 * Items are added with `deselect: true`: nothing downloads until a stream asks for a byte
 * range, and WebTorrent turns that range into piece priorities, so seeking into a part that
 * is not downloaded yet fetches exactly the pieces needed there.
 */
import type { WebTorrentClient, WebTorrentTorrent } from 'webtorrent/dist/webtorrent.min.js'
import type { CatalogItem } from '../../protocol/catalog.ts'

export class TorrentError extends Error {
  readonly code = 'HEARTH_E_TORRENT'
}

const pending = new Map<string, Promise<WebTorrentTorrent>>()

/** Resolves once the torrent for `item` has metadata (its files are known). */
export function openTorrent (client: WebTorrentClient, item: CatalogItem): Promise<WebTorrentTorrent> {
  let opening = pending.get(item.id)
  if (!opening) {
    opening = addOrReuse(client, item).then(whenReady)
    pending.set(item.id, opening)
    // A failed torrent is destroyed by WebTorrent; forget it so a retry adds it afresh.
    opening.catch(() => pending.delete(item.id))
  }
  return opening
}

async function addOrReuse (client: WebTorrentClient, item: CatalogItem): Promise<WebTorrentTorrent> {
  const existing = await client.get(item.id)
  if (existing && !existing.destroyed) return existing
  return client.add(item.magnet, { deselect: true })
}

function whenReady (torrent: WebTorrentTorrent): Promise<WebTorrentTorrent> {
  if (torrent.ready) return Promise.resolve(torrent)
  return new Promise((resolve, reject) => {
    const onReady = (): void => { cleanup(); resolve(torrent) }
    const onError = (err: Error | string): void => {
      cleanup()
      reject(new TorrentError(typeof err === 'string' ? err : err.message))
    }
    const cleanup = (): void => {
      torrent.removeListener('ready', onReady)
      torrent.removeListener('error', onError)
    }
    torrent.on('ready', onReady)
    torrent.on('error', onError)
  })
}
