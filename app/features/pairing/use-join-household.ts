/**
 * Finishes what a pairing link started: stores the captured key in the watch-state `meta`
 * store (the device is then paired, here and in the profile's other tabs) and says so.
 */
import { useEffect, useRef } from 'react'
import { getWatchStateStore } from '../../lib/watch-state/open-watch-state.ts'
import type { PairingCapture } from '../../lib/household/pairing-fragment.ts'

export function useJoinHousehold (capture: PairingCapture, notify: (tone: 'info' | 'error', text: string) => void): void {
  const done = useRef(false)
  useEffect(() => {
    if (done.current || capture.status === 'none') return
    done.current = true
    if (capture.status === 'invalid') {
      notify('error', capture.message)
      return
    }
    getWatchStateStore()
      .then(store => store.setLibraryKey(capture.key))
      .then(
        () => notify('info', 'This device joined the household.'),
        (err: unknown) => {
          console.error('[hearth] could not store the library key', err)
          notify('error', 'This device could not join: the browser refused to store the key (private window?).')
        }
      )
  }, [capture, notify])
}
