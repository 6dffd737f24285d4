/**
 * What this browser offers beyond the page for the video: picture-in-picture (a floating
 * window) and the Remote Playback API (Chromium's cast button, AirPlay in Safari). Each is
 * offered only where it can work: PiP when the document allows it and the video has a picture,
 * remote playback once the browser has looked for devices and found one. A browser that cannot
 * watch for devices (NotSupportedError) gets no cast button: it could only fail.
 */
import { useCallback, useEffect, useState, type RefObject } from 'react'
import { listenAll } from '../../lib/dom/listen-all.ts'

export interface PlatformPlayback {
  /** Null: not offered here. */
  pictureInPicture: { active: boolean, toggle: () => void } | null
  remote: { state: RemotePlaybackState, prompt: () => void } | null
}

function hasPictureInPicture (video: HTMLVideoElement): boolean {
  return document.pictureInPictureEnabled && !video.disablePictureInPicture
}

export function usePlatformPlayback (video: RefObject<HTMLVideoElement | null>): PlatformPlayback {
  const [pipAvailable, setPipAvailable] = useState(false)
  const [pipActive, setPipActive] = useState(false)
  const [remoteAvailable, setRemoteAvailable] = useState(false)
  const [remoteState, setRemoteState] = useState<RemotePlaybackState>('disconnected')

  useEffect(() => {
    const element = video.current
    if (element === null) return
    // A video's picture is known once its metadata is: audio alone has no window to float.
    const checkPip = (): void => setPipAvailable(hasPictureInPicture(element) && element.videoWidth > 0)
    const onEnter = (): void => setPipActive(true)
    const onLeave = (): void => setPipActive(false)
    checkPip()
    return listenAll<HTMLVideoElementEventMap>(element, { loadedmetadata: checkPip, enterpictureinpicture: onEnter, leavepictureinpicture: onLeave })
  }, [video])

  useEffect(() => {
    const remote = video.current?.remote
    if (remote === undefined) return
    const onState = (): void => setRemoteState(remote.state)
    let watchId: number | null = null
    remote.watchAvailability(available => setRemoteAvailable(available)).then(
      id => { watchId = id },
      (err: unknown) => {
        setRemoteAvailable(false)
        console.info('[hearth] this browser cannot look for other screens to play on', err)
      }
    )
    const unlisten = listenAll<RemotePlaybackEventMap>(remote, { connecting: onState, connect: onState, disconnect: onState })
    return () => {
      if (watchId !== null) remote.cancelWatchAvailability(watchId).catch(() => undefined)
      unlisten()
    }
  }, [video])

  const togglePip = useCallback(() => {
    const element = video.current
    if (element === null) return
    const request = document.pictureInPictureElement === element ? document.exitPictureInPicture() : element.requestPictureInPicture()
    request.catch((err: unknown) => console.warn('[hearth] picture-in-picture was refused', err))
  }, [video])
  const prompt = useCallback(() => {
    video.current?.remote.prompt().catch((err: unknown) => console.warn('[hearth] no playback device was chosen', err))
  }, [video])

  return {
    pictureInPicture: pipAvailable ? { active: pipActive, toggle: togglePip } : null,
    remote: remoteAvailable ? { state: remoteState, prompt } : null
  }
}
