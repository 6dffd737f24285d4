/**
 * Where a first frame's time goes: the app's `hearth:<step>` performance marks
 * (app/lib/torrent/stream-marks.ts), the page's resource timing of the .torrent and web-seed
 * requests (with the seed node's `server-timing: open;dur=…`), and the `<video>` events, each
 * as ms since the click. Read in the page after the first frame; medians per step over runs.
 */
import type { Page } from '@playwright/test'
import { median } from './stats.ts'

/** Step → ms since the click (negative: before the click, e.g. a warm start on hover). */
export type Breakdown = Record<string, number>

/** The order steps are printed in; steps a run lacks are skipped. */
export const BREAKDOWN_STEPS = [
  'warm-start', 'warm-ready', 'stream-start', 'torrent-file-request', 'torrent-file', 'client-ready', 'torrent-add', 'torrent-ready', 'wire-webSeed',
  'wire-webrtc', 'stream-attached', 'sw-request', 'webseed-request', 'webseed-first-byte', 'byte-webSeed', 'byte-webrtc',
  'piece-verified', 'pieces-4', 'sw-request-2', 'loadedmetadata', 'sw-request-3', 'pieces-16', 'loadeddata', 'playing'
] as const

/** Stamps `<video>` events (capture phase, first of each) into `window.__benchVideo`; call before the click. */
export async function armVideoEvents (page: Page): Promise<void> {
  await page.evaluate(() => {
    const stamps: Record<string, number> = {}
    ;(window as unknown as { __benchVideo: Record<string, number> }).__benchVideo = stamps
    for (const name of ['loadedmetadata', 'loadeddata', 'playing']) {
      document.addEventListener(name, () => { stamps[name] ??= performance.now() }, true)
    }
  })
}

export async function readBreakdown (page: Page): Promise<Breakdown> {
  return await page.evaluate(() => {
    const w = window as unknown as { __bench: { click?: number }, __benchVideo?: Record<string, number> }
    const click = w.__bench.click ?? 0
    const out: Record<string, number> = {}
    const first = (name: string, at: number): void => { if (!(name in out) || at - click < out[name]!) out[name] = at - click }
    for (const mark of performance.getEntriesByType('mark')) {
      if (mark.name.startsWith('hearth:')) first(mark.name.slice('hearth:'.length), mark.startTime)
    }
    let firstWebSeed: PerformanceResourceTiming | null = null
    for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
      const path = new URL(entry.name).pathname
      if (path.startsWith('/torrent/')) first('torrent-file-request', entry.startTime)
      if (!path.startsWith('/webseed/')) continue
      if (firstWebSeed === null || entry.startTime < firstWebSeed.startTime) firstWebSeed = entry
    }
    if (firstWebSeed !== null) {
      first('webseed-request', firstWebSeed.startTime)
      if (firstWebSeed.responseStart > 0) first('webseed-first-byte', firstWebSeed.responseStart)
      // The seed node's own share of that first request: request in → headers out.
      const open = firstWebSeed.serverTiming.find(t => t.name === 'open')
      if (open) out['webseed-server-open-ms'] = open.duration
      // Time the service worker's fetch event took before the request left (0 when no worker).
      if (firstWebSeed.workerStart > 0) out['webseed-worker-ms'] = firstWebSeed.fetchStart - firstWebSeed.workerStart
    }
    for (const [name, at] of Object.entries(w.__benchVideo ?? {})) first(name, at)
    return out
  })
}

/** "step 123" per step, medians over `runs`, in `BREAKDOWN_STEPS` order. */
export function summarizeBreakdowns (runs: readonly Breakdown[]): string {
  const parts: string[] = []
  for (const step of [...BREAKDOWN_STEPS, 'webseed-server-open-ms', 'webseed-worker-ms']) {
    const values = runs.map(run => run[step]).filter((v): v is number => v !== undefined)
    if (values.length > 0) parts.push(`${step} ${median(values).toFixed(0)}`)
  }
  return parts.join(', ')
}
