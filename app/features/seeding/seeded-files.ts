/**
 * The files this tab shares (dropped onto the library, or chosen): hashing, then seeding
 * with the page's WebTorrent client, then a share link from the home server. A small store
 * outside React, so the list survives moving between screens of this tab; nothing survives
 * closing the tab (the file is shared only while it stays open).
 */
import type { WebTorrentTorrent } from 'webtorrent/dist/webtorrent.min.js'
import { safeDisplayName } from '../../lib/format/safe-display-name.ts'
import { withDisplayName } from '../../../protocol/magnet/build-magnet.ts'
import { apiErrorMessage } from '../../lib/api/api-client-error.ts'
import { getShareLink } from '../../lib/share/get-share-link.ts'
import { getWebTorrentClient } from '../../lib/torrent/webtorrent-client.ts'
import { syncTrackerUrl } from '../../lib/watch-state/sync-tracker-url.ts'
import { seedLocalFile } from './seed-local-file.ts'

/** Files taken from one drop; the rest are reported, not silently dropped. */
export const MAX_FILES_PER_DROP = 5
/** Files shared at once by one tab. */
export const MAX_SEEDED_FILES = 10

export interface SeededFile {
  readonly id: number
  /** Display name (cleaned: the dropped name is untrusted). */
  readonly name: string
  readonly sizeBytes: number
  readonly phase: 'hashing' | 'linking' | 'seeding' | 'error'
  readonly infoHash: string | null
  /** Share magnet from the home server (share token, never the household credential). */
  readonly magnet: string | null
  readonly error: string | null
  readonly torrent: WebTorrentTorrent | null
}

let files: readonly SeededFile[] = []
let nextId = 1
const listeners = new Set<() => void>()

export function subscribeSeededFiles (listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function seededFilesSnapshot (): readonly SeededFile[] {
  return files
}

/** Starts sharing `dropped`; returns a notice for files that were left out (or null). */
export function shareLocalFiles (dropped: readonly File[], credential: string): string | null {
  const room = Math.max(0, Math.min(MAX_FILES_PER_DROP, MAX_SEEDED_FILES - files.filter(file => file.phase !== 'error').length))
  for (const file of dropped.slice(0, room)) start(file, credential)
  const left = dropped.length - Math.min(dropped.length, room)
  return left === 0 ? null : `${left} file${left === 1 ? ' was' : 's were'} not shared: at most ${MAX_FILES_PER_DROP} per drop and ${MAX_SEEDED_FILES} at once.`
}

/** Stops sharing one file (destroys its torrent) and forgets it. */
export function stopSharingFile (id: number): void {
  const file = files.find(candidate => candidate.id === id)
  file?.torrent?.destroy()
  files = files.filter(candidate => candidate.id !== id)
  emit()
}

function start (file: File, credential: string): void {
  const id = nextId++
  files = [...files, { id, name: safeDisplayName(file.name), sizeBytes: file.size, phase: 'hashing', infoHash: null, magnet: null, error: null, torrent: null }]
  emit()
  const run = async (): Promise<void> => {
    const client = await getWebTorrentClient()
    const torrent = await seedLocalFile(client, file, syncTrackerUrl(window.location, credential))
    if (files.some(other => other.id !== id && other.infoHash === torrent.infoHash)) {
      update(id, { phase: 'error', error: 'This file is already shared (see above).' })
      return
    }
    if (!update(id, { phase: 'linking', torrent, infoHash: torrent.infoHash })) {
      torrent.destroy() // removed while it was being hashed
      return
    }
    const link = await getShareLink(torrent.infoHash)
    // Outside the library the home server names the link by its infohash; name it by the file.
    const named = link.inLibrary ? link.magnet : withDisplayName(link.magnet, safeDisplayName(file.name))
    update(id, { phase: 'seeding', magnet: named })
  }
  run().catch((err: unknown) => update(id, { phase: 'error', error: apiErrorMessage(err) }))
}

/** Applies `change` to a file still listed; false when it was removed meanwhile. */
function update (id: number, change: Partial<SeededFile>): boolean {
  if (!files.some(file => file.id === id)) return false
  files = files.map(file => file.id === id ? { ...file, ...change } : file)
  emit()
  return true
}

function emit (): void {
  for (const listener of listeners) listener()
}
