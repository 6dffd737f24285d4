/**
 * Seeds one local file (dropped or chosen) from this tab with the page's WebTorrent client.
 * It announces to the household tracker only (`announceList: []` keeps create-torrent from
 * adding its public default trackers). The file's name is untrusted: the torrent gets a
 * cleaned name that cannot name a path (see `safe-display-name.ts`).
 */
import type { WebTorrentClient, WebTorrentTorrent } from 'webtorrent/dist/webtorrent.min.js'
import { safeTorrentName } from '../../lib/format/safe-display-name.ts'

export class SeedError extends Error {
  readonly code = 'HEARTH_E_SEED'
}

/** Resolves with the seeding torrent (the one already in the client, if the same file was seeded before). */
export function seedLocalFile (client: WebTorrentClient, file: File, householdTracker: string): Promise<WebTorrentTorrent> {
  if (file.size === 0) return Promise.reject(new SeedError('This is empty or a folder; drop files one by one.'))
  return new Promise((resolve, reject) => {
    let torrent: WebTorrentTorrent
    const onError = (err: Error | string): void => reject(new SeedError(`The file could not be shared: ${typeof err === 'string' ? err : err.message}`))
    try {
      torrent = client.seed(file, { name: safeTorrentName(file.name), announceList: [], announce: [householdTracker] }, seeded => {
        torrent.removeListener('error', onError)
        resolve(seeded)
      })
    } catch (err) {
      reject(new SeedError(`The file could not be shared: ${err instanceof Error ? err.message : String(err)}`))
      return
    }
    torrent.on('error', onError)
  })
}
