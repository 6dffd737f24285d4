/**
 * Numbers a LAN spec reports (never asserts on: tests do not fail on timing), measured in
 * the page with its own clock:
 * - click to first frame: from the click event's timestamp to the first decoded video frame;
 * - the TLS handshake of the page's first load, from Navigation Timing.
 */
import type { Browser, Locator, Page } from '@playwright/test'

/** Bound on waiting for the first frame. */
const FIRST_FRAME_TIMEOUT_MS = 60 * 1000
/** How often the page looks for the first decoded frame. */
const FRAME_POLL_MS = 5

/** Clicks `target` (which opens the player in the same document) and returns ms from the click to the first decoded frame. */
export async function clickToFirstFrameMs (page: Page, target: Locator): Promise<number> {
  await page.evaluate(({ timeoutMs, pollMs }) => {
    const w = window as Window & { __firstFrameMs?: Promise<number> }
    w.__firstFrameMs = new Promise<number>((resolve, reject) => {
      document.addEventListener('click', event => {
        const clickedAt = event.timeStamp
        const deadline = clickedAt + timeoutMs
        const look = (): void => {
          const video = document.querySelector<HTMLVideoElement>('[data-testid="player-video"]')
          if (video !== null && video.getVideoPlaybackQuality().totalVideoFrames > 0) resolve(performance.now() - clickedAt)
          else if (performance.now() > deadline) reject(new Error('no decoded frame after the click'))
          else setTimeout(look, pollMs)
        }
        look()
      }, { capture: true, once: true })
    })
  }, { timeoutMs: FIRST_FRAME_TIMEOUT_MS, pollMs: FRAME_POLL_MS })
  await target.click()
  return await page.evaluate(async () => await ((window as Window & { __firstFrameMs?: Promise<number> }).__firstFrameMs ?? Promise.resolve(-1)))
}

export interface FirstLoadTiming {
  /** TCP connect, ms (connectStart → secureConnectionStart, or → connectEnd without TLS). */
  tcpMs: number
  /** TLS handshake, ms (secureConnectionStart → connectEnd); 0 over plain HTTP. */
  tlsMs: number
  /** Navigation start to the end of the document's response, ms. */
  documentMs: number
}

export interface PageLoadTiming extends FirstLoadTiming {
  /** Navigation start to the end of the load event (document and subresources), ms. */
  loadMs: number
  /** Connections that did a TLS handshake during the load (document and subresources). */
  tlsConnections: number
}

/** Loads `url` in a fresh context of `browser` (new connections) and returns its timings. */
export async function timeFreshLoad (browser: Browser, url: string): Promise<PageLoadTiming> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'load' })
    const first = await firstLoadTiming(page)
    const rest = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
      const entries = [navigation, ...performance.getEntriesByType('resource') as PerformanceResourceTiming[]]
      return {
        loadMs: navigation === undefined ? -1 : navigation.loadEventEnd - navigation.startTime,
        tlsConnections: entries.filter(entry => entry !== undefined && entry.secureConnectionStart > 0 && entry.connectEnd > entry.secureConnectionStart).length
      }
    })
    return { ...first, ...rest }
  } finally {
    await context.close()
  }
}

/** The median of some numbers (NaN for none). */
export function median (values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length === 0 ? NaN : sorted.length % 2 === 1 ? sorted[middle] ?? NaN : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/** The current document's first-load timings (call right after the first navigation to an origin). */
export async function firstLoadTiming (page: Page): Promise<FirstLoadTiming> {
  return await page.evaluate(() => {
    const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
    if (entry === undefined) return { tcpMs: -1, tlsMs: -1, documentMs: -1 }
    const tlsStart = entry.secureConnectionStart > 0 ? entry.secureConnectionStart : entry.connectEnd
    return { tcpMs: tlsStart - entry.connectStart, tlsMs: entry.connectEnd - tlsStart, documentMs: entry.responseEnd - entry.startTime }
  })
}
