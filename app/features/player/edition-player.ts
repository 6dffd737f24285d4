/**
 * Plays a browser edition (fMP4 HLS that grows while the home server makes it) in a
 * `<video>` with hls.js, loaded on first use as its own chunk (Chromium has no native HLS,
 * and most households never need it): the light build, since editions carry one video and one
 * audio track and no subtitles or DRM. Every request carries the household credential.
 */
import { currentCredential } from '../../lib/household/household-credential.ts'

/** How often a network failure is retried before the error is shown (segments are on the home server). */
const MAX_NETWORK_RECOVERIES = 5

export async function attachEdition (element: HTMLVideoElement, playlistUrl: string, onFatal: (message: string) => void): Promise<() => void> {
  const [{ default: Hls }, credential] = await Promise.all([import('hls.js/light'), currentCredential()])
  if (credential === null) throw new Error('This device is not paired with the household, so it cannot play the compatible copy.')
  if (!Hls.isSupported()) throw new Error('This browser cannot play the compatible copy (it lacks Media Source Extensions).')
  const hls = new Hls({
    // An edition grows from the start: begin at 0, not at the "live" edge of the growing playlist.
    startPosition: 0,
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
