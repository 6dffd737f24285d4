/**
 * What the library page costs in the browser (issue 13): time from navigation to the first
 * grid card, DOM elements, frame times while scrolling (requestAnimationFrame deltas while the
 * page scrolls itself a step per frame), and search latency per keystroke (keydown to the
 * first frame after the grid changed).
 */
import type { Page } from '@playwright/test'

/** ms from navigation start until the first library card is in the DOM (rAF polling). */
export async function gridVisibleMs (page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' })
  const handle = await page.waitForFunction(() => document.querySelector('[data-testid="library-item"]') !== null ? performance.now() : false, undefined, { polling: 'raf', timeout: 120 * 1000 })
  return await handle.jsonValue() as number
}

export async function domElements (page: Page): Promise<number> {
  return await page.evaluate(() => document.getElementsByTagName('*').length)
}

/** Frame-to-frame times (ms) while the page scrolls `stepPx` a frame for `frames` frames (0: stands still, the reference). */
export async function scrollFrameTimes (page: Page, frames: number, stepPx: number): Promise<number[]> {
  return await page.evaluate(async ({ frames, stepPx }) => {
    window.scrollTo(0, 0)
    const deltas: number[] = []
    let last = await new Promise<number>(resolve => requestAnimationFrame(resolve))
    for (let i = 0; i < frames; i++) {
      window.scrollBy(0, stepPx)
      const now = await new Promise<number>(resolve => requestAnimationFrame(resolve))
      deltas.push(now - last)
      last = now
    }
    return deltas
  }, { frames, stepPx })
}

/** Per keystroke of `text` typed into the search box: ms from keydown to the frame after the grid changed. */
export async function searchLatencies (page: Page, text: string, pauseMs: number): Promise<number[]> {
  await page.evaluate(() => {
    const state = { started: 0, waiting: false, latencies: [] as number[] }
    ;(window as unknown as { __searchBench: typeof state }).__searchBench = state
    document.addEventListener('keydown', () => { state.started = performance.now(); state.waiting = true }, { capture: true })
    new MutationObserver(() => {
      if (!state.waiting) return
      state.waiting = false
      requestAnimationFrame(() => state.latencies.push(performance.now() - state.started))
    // The whole body: the grid element itself may be replaced when the results change.
    }).observe(document.body, { childList: true, subtree: true, characterData: true })
  })
  await page.getByTestId('library-search').focus()
  for (const char of text) {
    await page.keyboard.press(char)
    await page.waitForTimeout(pauseMs)
  }
  return await page.evaluate(() => (window as unknown as { __searchBench: { latencies: number[] } }).__searchBench.latencies)
}
