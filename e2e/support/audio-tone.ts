/**
 * What the player sounds like, heard in the page: the video's audio through an AnalyserNode
 * (set up once per page), and the loudest frequency in it. The tests' clips carry pure sine
 * tones, so the loudest bin tells which audio track is playing.
 */
import { expect, type Page } from '@playwright/test'

/** Frequency bins of 48000 / 8192 ≈ 6 Hz: the test tones (440 and 1000 Hz) are far apart. */
const TONE_TOLERANCE_HZ = 30

/** The loudest frequency the video's sound has now (0 for silence). */
export async function dominantHz (page: Page): Promise<number> {
  return await page.getByTestId('player-video').evaluate(async (video: HTMLVideoElement) => {
    const probe = window as unknown as { __toneProbe?: { analyser: AnalyserNode, context: AudioContext } }
    if (probe.__toneProbe === undefined) {
      const context = new AudioContext()
      const analyser = context.createAnalyser()
      analyser.fftSize = 8192
      context.createMediaElementSource(video).connect(analyser)
      analyser.connect(context.destination)
      probe.__toneProbe = { analyser, context }
    }
    const { analyser, context } = probe.__toneProbe
    // Under the default autoplay policy a context made without a fresh gesture starts suspended;
    // the page has had one (the click that opened the film), so it may run.
    if (context.state === 'suspended') await context.resume()
    const bins = new Float32Array(analyser.frequencyBinCount)
    analyser.getFloatFrequencyData(bins)
    let loudest = 0
    for (let i = 1; i < bins.length; i++) if ((bins[i] ?? -Infinity) > (bins[loudest] ?? -Infinity)) loudest = i
    return Number.isFinite(bins[loudest]) ? loudest * context.sampleRate / analyser.fftSize : 0
  })
}

export async function expectTone (page: Page, hz: number, message: string): Promise<void> {
  await expect.poll(async () => Math.abs(await dominantHz(page) - hz), { timeout: 45 * 1000, message }).toBeLessThan(TONE_TOLERANCE_HZ)
}
