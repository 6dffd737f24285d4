/**
 * Plays a browser edition (fMP4 HLS listing the whole film, its segments made by the home
 * server as they are asked for) in a `<video>` with hls.js, loaded on first use as its own chunk (Chromium has no native HLS,
 * and most households never need it): the light build, since editions carry one video and one
 * audio track and no subtitles or DRM. Every request carries the household credential.
 */
import { currentCredential } from '../../lib/household/household-credential.ts'

/** How often a network failure is retried before the error is shown (segments are on the home server). */
const MAX_NETWORK_RECOVERIES = 5
/**
 * A segment not prepared yet is made when asked for: the home server answers once it is
 * written (up to 20 s, then "busy, ask again"), so hls.js waits longer for a first byte than
 * its default 10 s, and asks again after a busy answer.
 */
const SEGMENT_FIRST_BYTE_MS = 30 * 1000
const SEGMENT_RETRIES = 6

export async function attachEdition (element: HTMLVideoElement, playlistUrl: string, startSec: number, onFatal: (message: string) => void): Promise<() => void> {
  const [{ default: Hls }, credential] = await Promise.all([import('hls.js/light'), currentCredential()])
  if (credential === null) throw new Error('This device is not paired with the household, so it cannot play the compatible copy.')
  if (!Hls.isSupported()) throw new Error('This browser cannot play the compatible copy (it lacks Media Source Extensions).')
  const hls = new Hls({
    startPosition: startSec,
    fragLoadPolicy: {
      default: {
        maxTimeToFirstByteMs: SEGMENT_FIRST_BYTE_MS,
        maxLoadTimeMs: 2 * SEGMENT_FIRST_BYTE_MS,
        timeoutRetry: { maxNumRetry: SEGMENT_RETRIES, retryDelayMs: 0, maxRetryDelayMs: 0 },
        errorRetry: { maxNumRetry: SEGMENT_RETRIES, retryDelayMs: 1000, maxRetryDelayMs: 4000 }
      }
    },
    // The app's CSP allows workers from 'self' only; hls.js would make one from a blob.
    enableWorker: false,
    xhrSetup: xhr => xhr.setRequestHeader('authorization', `Bearer ${credential}`)
  })
  let recoveries = 0
  hls.on(Hls.Events.ERROR, (_event, data) => {
    if (!data.fatal) return
    if (data.type === Hls.ErrorTypes.NETWORK_ERROR && recoveries++ < MAX_NETWORK_RECOVERIES) return hls.startLoad()
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR && recoveries++ < MAX_NETWORK_RECOVERIES) return hls.recoverMediaError()
    onFatal(data.type === Hls.ErrorTypes.NETWORK_ERROR
      ? 'The home server stopped sending the compatible copy. Check that it is running, then open the film again.'
      : `The compatible copy could not be played (${data.details}).`)
  })
  hls.loadSource(playlistUrl)
  hls.attachMedia(element)
  return () => hls.destroy()
}
