/**
 * One hashing thread: makes an item's torrent off the main thread, so the seed node's HTTP
 * server and peers stay responsive during a first ingest. It hashes only: the media probe
 * runs beside it on the main thread (ffprobe is a process of its own anyway).
 *
 * Entry point contract (hash-worker-bootstrap.mjs loads this file; a compiled build may load
 * its JavaScript directly): it imports only pure modules (torrent-maker.ts and what that
 * imports: node:crypto, node:fs, node:path), and speaks
 * in `{ id, media: ScannedFile }`, out `{ id, ok: true, made }` or `{ id, ok: false, error }`.
 */
import { parentPort } from 'node:worker_threads'
import type { ScannedFile } from './library-scanner.ts'
import { makeTorrent } from './torrent-maker.ts'

parentPort?.on('message', (message: { id: number, media: ScannedFile }) => {
  const { id, media } = message
  makeTorrent(media).then(
    made => parentPort?.postMessage({ id, ok: true, made }),
    (err: unknown) => parentPort?.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) })
  )
})
