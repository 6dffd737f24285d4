/**
 * Notices library changes while the node runs: a recursive fs.watch for prompt pickup
 * (debounced), plus a periodic rescan that also catches what watching misses (network
 * mounts, a USB disk unplugged and plugged back).
 */
import { watch, type FSWatcher } from 'node:fs'
import type { Logger } from '../lib/log.ts'

/** Changes within this window are folded into one rescan. */
const DEBOUNCE_MS = 2 * 1000

export function watchLibrary (root: string, rescanIntervalSec: number, rescan: () => Promise<void>, log: Logger): () => void {
  let debounce: NodeJS.Timeout | null = null
  const run = (): void => {
    rescan().catch(err => log.error('watcher.rescan_failed', { error: String(err) }))
  }
  const interval = setInterval(run, rescanIntervalSec * 1000)
  interval.unref()
  let watcher: FSWatcher | null = null
  const startWatching = (): void => {
    try {
      watcher = watch(root, { recursive: true, persistent: false }, () => {
        if (debounce) clearTimeout(debounce)
        debounce = setTimeout(run, DEBOUNCE_MS)
      })
      watcher.on('error', err => {
        log.warn('watcher.stopped', { error: err.message, fallback: `rescan every ${rescanIntervalSec}s` })
        watcher?.close()
        watcher = null
      })
    } catch (err) {
      log.warn('watcher.unavailable', { error: String(err), fallback: `rescan every ${rescanIntervalSec}s` })
    }
  }
  startWatching()
  return () => {
    clearInterval(interval)
    if (debounce) clearTimeout(debounce)
    watcher?.close()
  }
}
