/**
 * Adds a playable source's torrent (library item or foreign magnet) to the page's client, or
 * reuses it when it is already there
 * (reopening an item, or two components asking at once), and waits for its metadata.
 * Items are added with `deselect: true`: nothing downloads until a stream asks for a byte
 * range, and WebTorrent turns that range into piece priorities, so seeking into a part that
 * is not downloaded yet fetches exactly the pieces needed there.
 * A library item comes with its .torrent (torrent-file.ts) when the seed node gave it: the
 * torrent is then added with its metadata, plus the magnet's trackers and web seeds, so the
 * web seed can serve the first bytes while WebRTC is still being negotiated.
 */
import type { WebTorrentClient, WebTorrentTorrent } from 'webtorrent/dist/webtorrent.min.js'
import { parseMagnet } from '../../../protocol/magnet/parse-magnet.ts'
import { recordMetadataOrigin, type MetadataFrom } from './metadata-origin.ts'
import { markStreamStep, markTorrentProgress } from './stream-marks.ts'
import { startWebSeedsDeep } from './web-seed-pipeline.ts'

/** What is needed to add a torrent: its infohash, a magnet, and extra trackers (may be empty). */
export interface TorrentSource {
  readonly infoHash: string
  readonly magnet: string
  readonly announce: readonly string[]
  /** Pieces in the torrent when known up front (library items), else null. */
  readonly pieceCount: number | null
}

export class TorrentError extends Error {
  readonly code = 'HEARTH_E_TORRENT'
}

const pending = new Map<string, Promise<WebTorrentTorrent>>()

/**
 * Resolves once the torrent for `source` has metadata (its files are known). `torrentFile`:
 * the item's .torrent bytes when being fetched (null when there are none, or it failed).
 */
export function openTorrent (client: WebTorrentClient, source: TorrentSource, torrentFile: Promise<Uint8Array | null> | null = null): Promise<WebTorrentTorrent> {
  let opening = pending.get(source.infoHash)
  if (!opening) {
    opening = addOrReuse(client, source, torrentFile).then(whenReady)
    pending.set(source.infoHash, opening)
    // A failed torrent is destroyed by WebTorrent; forget it so a retry adds it afresh.
    opening.catch(() => pending.delete(source.infoHash))
  }
  return opening
}

/** True while a torrent for `infoHash` is being opened or open through here (its .torrent then needs no second fetch). */
export function isOpening (infoHash: string): boolean {
  return pending.has(infoHash)
}

/** Removes the torrent for `infoHash` from the client and forgets it here (a later open adds it afresh). */
export function closeTorrent (client: WebTorrentClient, infoHash: string): void {
  pending.delete(infoHash)
  const torrent = client.torrents.find(candidate => candidate.infoHash === infoHash)
  if (torrent && !torrent.destroyed) torrent.destroy()
}

async function addOrReuse (client: WebTorrentClient, source: TorrentSource, torrentFile: Promise<Uint8Array | null> | null): Promise<WebTorrentTorrent> {
  const existing = await client.get(source.infoHash)
  if (existing && !existing.destroyed) return existing
  const bytes = torrentFile === null ? null : await torrentFile
  if (bytes !== null) markStreamStep('torrent-file', source.infoHash)
  // The client has no default trackers (none in its options, no WEBTORRENT_ANNOUNCE), so a
  // torrent announces only to its magnet's `tr` plus this explicit list.
  // A torrent new to this page starts with an empty bitfield of the right length when the
  // piece count is known: WebTorrent then skips checking every piece of an empty store, which
  // costs ~0.7 s before the first byte of a 200 MB film. (Data a previous page left in the
  // browser's storage is downloaded again rather than re-hashed: on a LAN that is faster.)
  const bitfield = source.pieceCount !== null ? new Uint8Array(Math.ceil(source.pieceCount / 8)) : undefined
  const common = { deselect: true, ...(bitfield ? { bitfield } : {}) }
  let torrent: WebTorrentTorrent
  let from: MetadataFrom
  const magnet = bytes !== null ? magnetParts(source.magnet) : null
  if (bytes !== null && magnet !== null) {
    torrent = client.add(bytes, { ...common, announce: [...magnet.trackers, ...source.announce], urlList: [...magnet.webSeeds] })
    from = 'torrent-file'
  } else {
    torrent = client.add(source.magnet, { ...common, announce: [...source.announce] })
    from = 'peers'
  }
  markStreamStep('torrent-add', source.infoHash)
  markTorrentProgress(torrent)
  startWebSeedsDeep(torrent)
  torrent.on('ready', () => {
    markStreamStep('torrent-ready', source.infoHash)
    recordMetadataOrigin(source.infoHash, { from, wiresAtReady: torrent.wires.length })
  })
  return torrent
}

/** The magnet's trackers and web seeds, to add beside a .torrent; null if it does not parse (the magnet path then reports why). */
function magnetParts (magnet: string): { trackers: readonly string[], webSeeds: readonly string[] } | null {
  try {
    return parseMagnet(magnet)
  } catch {
    return null
  }
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
