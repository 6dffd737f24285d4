/**
 * One hashing thread: makes an item's torrent and probes its media, off the main thread,
 * so the seed node's HTTP server and peers stay responsive during a first ingest.
 * Messages: in `{ id, media }`, out `{ id, ok: true, made, probe }` or `{ id, ok: false, error }`.
 */
import { parentPort } from 'node:worker_threads'
import type { ScannedMedia } from './library-scanner.ts'
import { makeTorrent } from './torrent-maker.ts'
import { probeMedia } from './media-probe.ts'

parentPort?.on('message', (message: { id: number, media: ScannedMedia }) => {
  const { id, media } = message
  Promise.all([makeTorrent(media), probeMedia(media.absolutePath)]).then(
    ([made, probe]) => parentPort?.postMessage({ id, ok: true, made, probe }),
    (err: unknown) => parentPort?.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) })
  )
})
